/**
 * The notification bell in the top bar (docs/notifications.md): the unread count, kept live by
 * the socket's `notification` and `notification-read` frames (from this tab or another), and a
 * dropdown with the newest notifications: open one (its link; it is marked read), mark one read,
 * mark all read. After a reconnect the count and the open list are read again, since live
 * delivery is best effort.
 */
import * as api from '../api.js';
import { bind, formatDateTime, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import * as realtime from '../realtime.js';
import { toastError } from './ui.js';
import { icon } from '../icons.js';

const PAGE = 20;

export function notificationBell() {
  let unread = 0;
  let items = [];
  let loaded = false;
  let alive = true;

  const count = h('span', { class: 'bell-count', testid: 'bell-count', hidden: true });
  const button = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon bell-button', testid: 'bell', 'aria-haspopup': 'true', 'aria-expanded': 'false' }, h('span', { class: 'bell-icon', 'aria-hidden': 'true' }, icon('bell')), count);
  bind(button, { attrs: { 'aria-label': () => t('bell.label', { count: unread }), title: () => t('bell.label', { count: unread }) } });
  const markAll = h('button', { type: 'button', class: 'link', testid: 'bell-read-all', i18n: 'bell.markAllRead' });
  const list = h('ul', { class: 'bell-list', testid: 'bell-list' });
  const status = h('p', { class: 'muted bell-status', role: 'status', testid: 'bell-status' });
  const panel = h(
    'div',
    { class: 'bell-panel', testid: 'bell-panel', hidden: true, role: 'region' },
    h('div', { class: 'bell-header' }, h('h2', { class: 'bell-title', i18n: 'bell.title' }), markAll),
    status,
    list,
  );
  bind(panel, { attrs: { 'aria-label': tx('bell.title') } });
  const el = h('div', { class: 'bell' }, button, panel);

  function renderCount() {
    count.hidden = unread === 0;
    count.textContent = unread > 99 ? '99+' : String(unread);
    bind(button, {});
    markAll.disabled = unread === 0;
  }

  function renderList() {
    bind(status, { text: loaded && !items.length ? tx('bell.empty') : () => '' });
    list.replaceChildren(...items.map(item));
  }

  function item(n) {
    const open = h(
      'a',
      { class: 'bell-item-link', href: n.link || '#/', testid: 'bell-item-link' },
      h('span', { class: 'bell-item-title', testid: 'bell-item-title', text: n.title }),
      n.excerpt ? h('span', { class: 'bell-item-excerpt', text: n.excerpt }) : null,
    );
    const time = h('time', { class: 'bell-item-time', datetime: n.createdAt });
    bind(time, { text: () => formatRelative(n.createdAt), attrs: { title: () => formatDateTime(n.createdAt) } });
    open.append(time);
    open.addEventListener('click', () => {
      close();
      if (!n.readAt) markRead(n);
    });
    const read = n.readAt ? null : h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon bell-item-read', testid: 'bell-item-read' }, icon('check', { size: 16 }));
    if (read) {
      bind(read, { attrs: { 'aria-label': tx('bell.markRead'), title: tx('bell.markRead') } });
      read.addEventListener('click', () => withBusy(read, () => markRead(n)));
    }
    return h('li', { class: `bell-item${n.readAt ? '' : ' bell-item-unread'}`, testid: 'bell-item', dataset: { id: n.id } }, open, take(n), read);
  }

  /** "Take it" on a keyword bot's handover (docs/keyword-bot.md): the bot says who took it in the thread. */
  function take(n) {
    if (n.kind !== 'keyword-bot.handover') return null;
    const button = h('button', { type: 'button', class: 'btn btn-secondary btn-sm bell-item-take', testid: 'bell-item-take', i18n: 'keywordBot.take' });
    button.addEventListener('click', () => withBusy(button, async () => {
      try {
        await api.takeKeywordHandover(n.workspaceId, n.subjectId);
        bind(button, { text: tx('keywordBot.taken') });
        button.disabled = true;
        if (!n.readAt) await markRead(n);
      } catch (err) {
        toastError(err);
      }
    }));
    return button;
  }

  async function markRead(n) {
    try {
      const fresh = await api.markNotificationRead(n.id);
      if (!n.readAt) {
        n.readAt = fresh.readAt ?? new Date().toISOString();
        unread = Math.max(0, unread - 1);
      }
      renderCount();
      renderList();
    } catch (err) {
      toastError(err);
    }
  }

  async function loadCount() {
    try {
      const answer = await api.unreadNotificationCount();
      if (!alive) return;
      unread = answer.unreadCount;
      renderCount();
    } catch (err) {
      if (!err.sessionEnded && !err.network) console.warn('Could not read the notification count', err);
    }
  }

  async function loadList() {
    bind(status, { text: tx('common.loading') });
    try {
      const page = await api.listNotifications({ limit: PAGE });
      if (!alive) return;
      items = page.items;
      unread = page.unreadCount;
      loaded = true;
      renderCount();
      renderList();
    } catch (err) {
      if (!err.sessionEnded) bind(status, { text: tx('error.generic') });
    }
  }

  function openPanel() {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('mousedown', outside, true);
    document.addEventListener('keydown', escape, true);
    loadList();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', outside, true);
    document.removeEventListener('keydown', escape, true);
  }

  function outside(event) {
    if (!el.contains(event.target)) close();
  }

  function escape(event) {
    if (event.key === 'Escape') {
      close();
      button.focus();
    }
  }

  button.addEventListener('click', () => (panel.hidden ? openPanel() : close()));
  markAll.addEventListener('click', () =>
    withBusy(markAll, async () => {
      try {
        await api.markAllNotificationsRead();
        unread = 0;
        items.forEach((n) => {
          n.readAt = n.readAt ?? new Date().toISOString();
        });
        renderCount();
        renderList();
      } catch (err) {
        toastError(err);
      }
    }),
  );

  const offs = [
    realtime.on('notification', (frame) => {
      const n = frame.notification;
      if (!n || items.some((i) => i.id === n.id)) return;
      items = [n, ...items].slice(0, PAGE);
      if (!n.readAt) unread += 1;
      renderCount();
      if (!panel.hidden) renderList();
    }),
    realtime.on('notification-read', (frame) => {
      if (frame.all) items.forEach((n) => (n.readAt = n.readAt ?? new Date().toISOString()));
      else {
        const n = items.find((i) => i.id === frame.id);
        if (n) n.readAt = n.readAt ?? new Date().toISOString();
      }
      // Another tab may have read one this tab never listed: the server knows the count.
      loadCount();
      if (!panel.hidden) renderList();
    }),
    realtime.onOpen(() => {
      loadCount();
      if (!panel.hidden) loadList();
    }),
  ];

  renderCount();
  loadCount();

  return {
    el,
    cleanup() {
      alive = false;
      close();
      offs.forEach((off) => off());
    },
  };
}
