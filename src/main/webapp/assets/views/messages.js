/**
 * Messages: my conversations in the workspace (direct ones and the board channels I opened),
 * newest first with unread counts that move live, and the open conversation beside them.
 * "New message" starts (or finds) a direct conversation with up to 7 members.
 *
 * #/w/{ws}/chat and #/w/{ws}/chat/{channelId}[?seq=N] (the link chat notifications carry).
 */
import * as api from '../api.js';
import { bind, setPageTitle, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { href, navigate } from '../router.js';
import { can } from '../workspaces.js';
import { chatFor } from '../chat/chat-store.js';
import { chatPanel, channelTitle, presenceDot } from '../chat/chat-panel.js';
import { openDialog, toastError } from './ui.js';

const MAX_OTHERS = 7;

export function renderMessages(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const role = () => ctx.workspace()?.myRole ?? null;
  const chat = chatFor(workspaceId, { listMembers: can(role(), 'LIST_MEMBERS') });
  const boardNames = new Map();
  let panel = null;
  let channelId = ctx.params.channel ?? null;
  let alive = true;

  main.classList.add('main-chat');
  const heading = h('h1', { class: 'page-title chat-page-title', tabindex: '-1', testid: 'page-title', i18n: 'chat.messages' });
  const newButton = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'chat-new', i18n: 'chat.new' });
  newButton.hidden = !can(role(), 'START_DIRECT');
  newButton.addEventListener('click', () => openNewConversation());
  const list = h('ul', { class: 'conversation-list', testid: 'conversation-list' });
  const empty = h('p', { class: 'muted conversation-empty', testid: 'conversation-empty', i18n: 'chat.noConversations', hidden: true });
  const side = h('nav', { class: 'conversations', testid: 'conversations' }, h('div', { class: 'conversations-header' }, heading, newButton), list, empty);
  bind(side, { attrs: { 'aria-label': tx('chat.conversations') } });
  const pane = h('div', { class: 'chat-pane', testid: 'chat-pane' });
  // On a phone the page shows the list or, once one is open, the conversation alone (styles.css).
  const page = h('div', { class: `chat-page${channelId ? ' has-conversation' : ''}` }, side, pane);
  main.append(page);

  const boardName = (channel) => (channel?.boardId ? boardNames.get(channel.boardId) ?? null : null);

  function renderList() {
    // Workspace channels are listed in the sidebar (chat/channels-nav.js).
    const channels = [...chat.channels.values()].filter((c) => c.kind !== 'WORKSPACE').sort((a, b) => (b.lastAt ?? b.createdAt ?? '').localeCompare(a.lastAt ?? a.createdAt ?? '') || b.lastSequence - a.lastSequence);
    empty.hidden = channels.length > 0 || !chat.loaded;
    list.replaceChildren(
      ...channels.map((channel) => {
        const others = channel.kind === 'DIRECT' ? channel.memberIds.filter((a) => a !== chat.me()) : [];
        const icon = channel.kind === 'BOARD'
          ? h('span', { class: 'conversation-icon', 'aria-hidden': 'true', text: '#' })
          : presenceDot(others.length === 1 ? chat.statusOf(others[0]) : 'offline');
        // The "#" icon already says it is a board's channel.
        const title = channel.kind === 'BOARD' ? boardName(channel) ?? t('chat.boardChat') : channelTitle(chat, channel);
        const name = h('span', { class: 'conversation-name', testid: 'conversation-name', text: title });
        const count = h('span', { class: 'nav-count', testid: 'conversation-unread', hidden: !channel.unread, text: String(channel.unread || 0) });
        bind(count, { attrs: { 'aria-label': () => t('chat.unread', { count: channel.unread || 0 }) } });
        const link = h(
          'a',
          { class: `conversation${channel.unread ? ' conversation-unread' : ''}`, href: href('w', workspaceId, 'chat', channel.id), testid: 'conversation', dataset: { channelId: channel.id } },
          icon,
          name,
          count,
        );
        if (channel.id === channelId) link.setAttribute('aria-current', 'page');
        return h('li', {}, link);
      }),
    );
  }

  function openPanel(query) {
    panel?.cleanup();
    panel = null;
    if (!channelId) {
      pane.replaceChildren(h('p', { class: 'muted chat-pick', testid: 'chat-pick', i18n: 'chat.pick' }));
      return;
    }
    const seq = Number(query?.get('seq')) || null;
    panel = chatPanel({ chat, channelId, role, focusSequence: seq, boardName: () => boardName(chat.channels.get(channelId)), back: href('w', workspaceId, 'chat') });
    pane.replaceChildren(panel.el);
    if (!chat.channels.has(channelId)) {
      // A link to a conversation this tab does not know yet (new, or a board channel never opened).
      api.getChannel(channelId).then((view) => alive && chat.adopt(view)).catch(() => {});
    }
  }

  async function loadBoardNames() {
    try {
      const boards = await api.allPages((cursor) => api.listBoards(workspaceId, { cursor, limit: 100 }), 5);
      boards.forEach((b) => boardNames.set(b.id, b.name));
      if (alive) {
        renderList();
        chat.emit({ type: 'channels' });
      }
    } catch (err) {
      if (!err.sessionEnded) console.info('Chat: no board names', err.status);
    }
  }

  function openNewConversation() {
    const filter = h('input', { type: 'search', class: 'input', testid: 'chat-new-filter' });
    bind(filter, { attrs: { placeholder: tx('chat.findPeople'), 'aria-label': tx('chat.findPeople') } });
    const options = h('ul', { class: 'people-picker', testid: 'chat-new-people' });
    const error = h('p', { class: 'field-error', role: 'alert', hidden: true, testid: 'chat-new-error' });
    const chosen = new Set();
    const start = h('button', { type: 'button', class: 'btn btn-primary', testid: 'chat-new-start', i18n: 'chat.start', disabled: true });
    function draw() {
      const query = filter.value.trim().toLocaleLowerCase();
      const people = [...chat.members.values()]
        .filter((m) => m.accountId !== chat.me())
        .filter((m) => !query || m.displayName.toLocaleLowerCase().includes(query) || (m.email ?? '').toLocaleLowerCase().includes(query))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      options.replaceChildren(
        ...people.map((m) => {
          const box = h('input', { type: 'checkbox', value: m.accountId, testid: 'chat-new-person', checked: chosen.has(m.accountId) });
          box.addEventListener('change', () => {
            if (box.checked) chosen.add(m.accountId);
            else chosen.delete(m.accountId);
            start.disabled = chosen.size === 0 || chosen.size > MAX_OTHERS;
            error.hidden = chosen.size <= MAX_OTHERS;
            bind(error, { text: tx('chat.tooManyPeople', { max: MAX_OTHERS }) });
          });
          return h('li', {}, h('label', { class: 'check people-option' }, box, presenceDot(chat.statusOf(m.accountId)), h('span', { text: m.displayName }), h('span', { class: 'muted', text: m.email ?? '' })));
        }),
      );
    }
    filter.addEventListener('input', draw);
    draw();
    const dialog = openDialog({
      title: tx('chat.newTitle'),
      body: [filter, options, error],
      actions: [start],
      testid: 'chat-new-dialog',
    });
    start.addEventListener('click', () =>
      withBusy(start, async () => {
        try {
          const view = await api.openDirectChannel(workspaceId, [...chosen]);
          chat.adopt(view);
          dialog.close();
          navigate(href('w', workspaceId, 'chat', view.id));
        } catch (err) {
          toastError(err);
        }
      }),
    );
    filter.focus();
  }

  const off = chat.onChange((event) => {
    if (event.type === 'channels' || event.type === 'presence' || event.type === 'members') renderList();
  });

  setPageTitle('page.messages');
  renderList();
  openPanel(ctx.query);
  loadBoardNames();

  return {
    cleanup() {
      alive = false;
      off();
      panel?.cleanup();
      main.classList.remove('main-chat');
    },
    update(query) {
      const seq = Number(query.get('seq')) || null;
      if (seq && panel) panel.show(seq);
    },
  };
}
