/**
 * The board's activity log (newest first, "Load more" pages back), as a side
 * panel of the board or, with a cardId, inside the card dialog.
 */
import * as api from '../api.js';
import { bind, formatDateTime, formatRelative, hasKey, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { personAvatar, statusLine } from './ui.js';

/** One entry as a sentence, in the current language. */
export function describeActivity(entry, listName = () => null, personName = () => null) {
  const d = entry.details ?? {};
  const someone = t('common.someone');
  const ids = Array.isArray(d.accountIds) ? d.accountIds : [];
  const params = {
    actor: entry.actorName || someone,
    title: d.title ?? d.name ?? '',
    name: d.name ?? d.title ?? '',
    from: (d.fromListId ? listName(d.fromListId) : null) ?? (typeof d.from === 'string' ? d.from : ''),
    to: (d.toListId ? listName(d.toListId) : null) ?? '',
    content: d.content ?? '',
    person: (d.accountId ? personName(d.accountId) : null) ?? someone,
    people: ids.map((id) => personName(id) ?? someone).join(', ') || someone,
  };
  let key = `activity.${entry.kind}`;
  // A move inside one list, or across lists we no longer know, reads differently.
  if (entry.kind === 'card.moved' && (!params.from || !params.to || d.fromListId === d.toListId)) key = 'activity.card.movedWithin';
  if (!hasKey(key)) return t('activity.other', { actor: params.actor, kind: entry.kind });
  return t(key, params);
}

let panelSeq = 0;

/**
 * @param {object} o
 * @param {string} o.workspaceId
 * @param {string} o.boardId
 * @param {string|null} [o.cardId] only this card's entries
 * @param {(listId: string) => string|null} [o.listName]
 * @param {(accountId: string) => string|null} [o.personName]
 * @param {boolean} [o.embedded] part of another view (open at once, no close button)
 */
export function activityPanel({ workspaceId, boardId, cardId = null, listName = () => null, personName = () => null, embedded = false }) {
  const id = `activity-${++panelSeq}`;
  const list = h('ol', { class: 'activity-list', testid: 'activity-list' });
  const status = statusLine('activity-status');
  const more = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'activity-more', i18n: 'common.loadMore', hidden: true });
  const refresh = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'activity-refresh', i18n: 'activity.refresh' });
  const title = h(embedded ? 'h3' : 'h2', { class: 'activity-title', id: `${id}-title`, i18n: 'activity.title' });
  const el = h(
    embedded ? 'section' : 'aside',
    { class: `activity${embedded ? ' activity-embedded' : ''}`, id, hidden: !embedded, 'aria-labelledby': `${id}-title`, testid: embedded ? 'card-activity' : 'board-activity' },
    h('header', { class: 'activity-header' }, title, refresh),
    status.el,
    list,
    more,
  );

  let open = embedded;
  let cursor = null;
  let seq = 0;
  let alive = true;
  let timer = null;

  function entry(item) {
    const when = bind(h('time', { class: 'activity-time', datetime: item.createdAt }), {
      text: () => formatRelative(item.createdAt),
      attrs: { title: () => formatDateTime(item.createdAt) },
    });
    const text = bind(h('span', { class: 'activity-text', testid: 'activity-text' }), { text: () => describeActivity(item, listName, personName) });
    return h('li', { class: 'activity-item', testid: 'activity-item', dataset: { kind: item.kind } }, personAvatar(item.actorName, { small: true }), h('div', { class: 'activity-body' }, text, when));
  }

  async function load({ append = false } = {}) {
    const mine = ++seq;
    if (!append) cursor = null;
    status.set(list.children.length && !append ? null : tx('common.loading'));
    try {
      const page = await api.listActivity(workspaceId, boardId, { cursor, cardId });
      if (!alive || mine !== seq) return;
      const items = page.items.map(entry);
      if (append) list.append(...items);
      else list.replaceChildren(...items);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.set(list.children.length ? null : tx('activity.empty'));
    } catch (err) {
      if (!alive || mine !== seq || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error', retry: () => load({ append }) });
    }
  }

  more.addEventListener('click', () => withBusy(more, () => load({ append: true })));
  refresh.addEventListener('click', () => withBusy(refresh, () => load()));
  if (embedded) load();

  return {
    el,
    isOpen: () => open,
    toggle() {
      open = !open;
      el.hidden = !open;
      if (open) {
        load();
        title.setAttribute('tabindex', '-1');
        title.focus();
      }
    },
    /** Something on the board changed: an open log catches up (once for a burst of changes). */
    changed() {
      if (!open) return;
      clearTimeout(timer);
      timer = setTimeout(() => alive && load(), 400);
    },
    cleanup() {
      alive = false;
      clearTimeout(timer);
    },
  };
}
