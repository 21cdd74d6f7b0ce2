/**
 * One conversation: its messages (older pages load when scrolling to the top, the scroll
 * position kept), the composer (Enter sends, Shift+Enter breaks the line, "@" suggests people,
 * "/" suggests the workspace's slash commands and "/word text" runs one: chat-commands.js),
 * replies, reactions, editing and deleting, who is typing, presence, read markers and the
 * "Reconnecting…" banner. The header has the conversation's call button and running call
 * (call/call-header.js). The state lives in chat-store.js; this only draws it.
 *
 * Text is never parsed as HTML: it is split into text nodes, mention spans and links
 * (http/https only) built with createElement.
 */
import { bind, formatDateTime, formatWith, t, tx } from '../i18n.js';
import { h, initialOf } from '../dom.js';
import { renderMarkdown, safeUrl } from '../markdown.js';
import { confirmDialog, toastError } from '../views/ui.js';
import { showToast } from '../views/common.js';
import { callHeader } from '../call/call-header.js';
import { workspaceChannelExtras } from './channel-dialogs.js';
import { listChannelReaders } from '../api.js';
import { attachMentions } from '../mentions.js';
import { icon } from '../icons.js';
import { attachmentsText, chatAttachments } from './chat-attachments.js';
import { chatCommands } from './chat-commands.js';

const QUICK_REACTIONS = ['👍', '❤️', '😄', '🎉', '👀', '✅'];
const GROUP_MS = 5 * 60_000;
const TEXT_MAX_BYTES = 16_384;
const NEAR_BOTTOM_PX = 48;
const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

let panelSeq = 0;

/** A presence dot (online / away / offline) with a text alternative. */
export function presenceDot(status, accountId = null) {
  const dot = h('span', { class: 'presence-dot', testid: 'presence-dot', role: 'img', dataset: accountId ? { accountId } : {} });
  setPresence(dot, status);
  return dot;
}

/** Changes a dot's status in place. */
export function setPresence(dot, status) {
  dot.className = `presence-dot presence-${status}`;
  dot.dataset.status = status;
  bind(dot, { attrs: { title: tx(`chat.presence.${status}`), 'aria-label': tx(`chat.presence.${status}`) } });
}

/** A conversation's name: the board's, or the other people's. */
export function channelTitle(chat, channel, boardName = null) {
  if (!channel) return t('chat.title');
  if (channel.kind === 'BOARD') return boardName ? t('chat.boardChannel', { name: boardName }) : t('chat.boardChat');
  if (channel.kind === 'WORKSPACE') return `# ${channel.name}`;
  const others = (channel.memberIds ?? []).filter((id) => id !== chat.me());
  if (!others.length) return chat.nameOf(chat.me()) ?? t('common.someone');
  return others.map((id) => chat.nameOf(id) ?? t('common.someone')).join(', ');
}

/**
 * Message text as nodes: mentions of channel readers highlighted (mine more), bare links.
 * @returns {Node[]}
 */
export function messageNodes(text, mentionNames, meName) {
  const names = [...new Set(mentionNames.filter(Boolean))].sort((a, b) => b.length - a.length);
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`${escaped.length ? `@(?:${escaped.join('|')})|` : ''}${URL_PATTERN.source}`, 'g');
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const token = match[0];
    if (token.startsWith('@')) {
      const mine = token.slice(1) === meName;
      nodes.push(h('span', { class: `mention${mine ? ' mention-me' : ''}`, testid: mine ? 'mention-me' : 'mention', text: token }));
    } else {
      const url = safeUrl(token);
      nodes.push(url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow ugc', text: token }) : document.createTextNode(token));
    }
    last = match.index + token.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** A refused chat frame (or one that got no answer) as an error toast. */
function frameError(err) {
  if (err?.sessionEnded) return;
  if (err?.name !== 'FrameError') {
    toastError(err);
    return;
  }
  const offline = ['disconnected', 'timeout'].includes(err.type);
  const detail = err.problem?.detail;
  showToast(offline ? tx('chat.offline') : detail ? () => detail : tx('error.generic'), { variant: 'error' });
}

function utf8Bytes(text) {
  return new TextEncoder().encode(text).length;
}

function excerpt(text, max = 80) {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

/**
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {string} o.channelId
 * @param {() => string|null} [o.boardName]
 * @param {() => string|null} [o.role] my role in the workspace
 * @param {number|null} [o.focusSequence] scroll to and mark this message (a notification's ?seq=)
 * @param {(accountId: string) => string|null} [o.personName] names the store does not know (a guest's board)
 * @param {(() => void)|null} [o.onClose] shows a close button
 * @param {string|(() => void)|null} [o.back] a back button (a link, or what it does), shown on phones where the conversation takes the whole screen
 * @returns {{el: HTMLElement, focus: () => void, cleanup: () => void}}
 */
export function chatPanel({ chat, channelId, boardName = () => null, role = () => null, focusSequence = null, personName = () => null, onClose = null, back = null }) {
  const id = `chat-${++panelSeq}`;
  let alive = true;
  let replyTo = null; // message
  let editing = null; // {messageId, editor}
  let focusSeq = focusSequence;
  const nodes = new Map(); // key → li

  const title = h('h2', { class: 'chat-title', id: `${id}-title`, testid: 'chat-title' });
  const people = h('div', { class: 'chat-people', testid: 'chat-people' });
  const close = onClose
    ? h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon', testid: 'chat-close', text: '×', i18nAttrs: { 'aria-label': 'common.close', title: 'common.close' }, on: { click: onClose } })
    : null;
  const backButton = back
    ? h(
        typeof back === 'string' ? 'a' : 'button',
        {
          class: 'btn btn-ghost btn-sm chat-back',
          testid: 'chat-back',
          href: typeof back === 'string' ? back : null,
          type: typeof back === 'string' ? null : 'button',
          on: typeof back === 'string' ? null : { click: back },
        },
        icon('back', { size: 18 }),
        h('span', { i18n: 'chat.back' }),
      )
    : null;
  const banner = h('div', { class: 'chat-banner', role: 'status', 'aria-live': 'polite', testid: 'chat-reconnecting', hidden: true });
  const status = h('div', { class: 'chat-status', role: 'status', testid: 'chat-status' });
  const older = h('button', { type: 'button', class: 'btn btn-ghost btn-sm chat-older', testid: 'chat-older', i18n: 'chat.loadOlder', hidden: true });
  const list = h('ol', { class: 'chat-messages', testid: 'chat-messages' });
  const log = h('div', { role: 'log', 'aria-labelledby': `${id}-title` }, list);
  const scroller = h('div', { class: 'chat-scroll', testid: 'chat-scroll', tabindex: '0' }, older, status, log);
  bind(scroller, { attrs: { 'aria-label': tx('chat.messagesLabel') } });
  const jump = h('button', { type: 'button', class: 'btn btn-primary btn-sm chat-jump', testid: 'chat-jump', i18n: 'chat.newBelow', hidden: true });
  const typing = h('div', { class: 'chat-typing', 'aria-live': 'polite', testid: 'chat-typing' });

  // Composer
  const input = h('textarea', { class: 'chat-input', rows: '1', testid: 'chat-input', id: `${id}-input` });
  bind(input, { attrs: { placeholder: () => t('chat.placeholder', { name: title.textContent }), 'aria-label': tx('chat.inputLabel') } });
  const sendButton = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'chat-send', i18n: 'chat.send' });
  const replyBar = h('div', { class: 'chat-reply-bar', testid: 'chat-reply-bar', hidden: true });
  const composeError = h('p', { class: 'chat-compose-error', role: 'alert', testid: 'chat-compose-error', hidden: true });
  // People a sent message named who do not read the channel (the server's answer): not notified; the writer is told.
  const mentionNotice = h('p', { class: 'mention-notice', role: 'status', testid: 'chat-mention-not-delivered', hidden: true });
  const form = h('form', { class: 'chat-composer', testid: 'chat-composer' }, replyBar, h('div', { class: 'chat-compose-row' }, input, sendButton), composeError, mentionNotice);
  // "@" lists the channel's readers (mentions.js); the message carries the ids of those it names.
  const mentionPicker = attachMentions(input, { people: () => listChannelReaders(channelId), form: 'name', exclude: chat.me(), optionTestid: 'chat-suggestion' });
  // "/" at the start lists the workspace's commands; "/word text" runs one (chat-commands.js), its answers for me alone below the messages.
  const commands = chatCommands({ input, channelId, workspaceId: () => chat.workspaceId ?? chat.channels.get(channelId)?.workspaceId });
  scroller.append(commands.el);

  const calls = callHeader(channelId);
  const named = workspaceChannelExtras(chat, channelId, form, role);

  const el = h(
    'section',
    { class: 'chat-panel', testid: 'chat-panel', 'aria-labelledby': `${id}-title`, dataset: { channelId } },
    h('header', { class: 'chat-header' }, backButton, h('div', { class: 'chat-header-text' }, title, people, named.topic), h('div', { class: 'chat-header-actions' }, named.button, calls.button, close)),
    calls.bar,
    banner,
    h('div', { class: 'chat-body' }, scroller, jump),
    typing,
    named.notice,
    form,
  );
  // Files and voice (chat-attachments.js): its buttons in the composer's row, its uploads above the text.
  const files = chatAttachments({ chat, channelId, dropTarget: el, input, sendVoice: (attachments) => post('', attachments) });
  form.querySelector('.chat-compose-row').prepend(files.tools);
  form.insertBefore(files.tray, form.querySelector('.chat-compose-row'));

  const channel = () => chat.channels.get(channelId);
  const timeline = () => chat.timeline(channelId);
  const nameOf = (accountId) => chat.nameOf(accountId) ?? personName(accountId) ?? t('common.someone');
  const meName = () => chat.nameOf(chat.me());
  const nearBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX;
  const mayDeleteAny = () => ['BOARD', 'WORKSPACE'].includes(channel()?.kind) && ['OWNER', 'MANAGER'].includes(role());

  // ----------------------------------------------------------------- header
  function renderHeader() {
    bind(title, { text: () => channelTitle(chat, channel(), boardName()) });
    const c = channel();
    const ids = c?.kind === 'DIRECT' ? c.memberIds.filter((a) => a !== chat.me()) : [];
    people.replaceChildren(
      ...ids.map((a) => h('span', { class: 'chat-person', testid: 'chat-person', dataset: { accountId: a } }, presenceDot(chat.statusOf(a), a), h('span', { text: nameOf(a) }))),
    );
    bind(input, {});
  }

  // The first connection of a fresh page is not a "reconnect": give it a moment.
  let slow = false;
  const slowTimer = setTimeout(() => {
    slow = true;
    renderConnection();
  }, 3000);
  function renderConnection() {
    banner.hidden = chat.connected || !(chat.everConnected || slow);
    bind(banner, { text: chat.connected ? null : tx('chat.reconnecting') });
    if (chat.connected) banner.textContent = '';
  }

  function renderTyping() {
    const ids = chat.typers(channelId);
    const names = ids.map(nameOf);
    let producer = null;
    if (names.length === 1) producer = tx('chat.typingOne', { name: names[0] });
    else if (names.length === 2) producer = tx('chat.typingTwo', { first: names[0], second: names[1] });
    else if (names.length > 2) producer = tx('chat.typingMany');
    bind(typing, { text: producer ?? (() => '') });
  }

  // ----------------------------------------------------------------- messages
  function senderLine(message, pendingStatus = null) {
    const name = h('span', { class: 'chat-sender', testid: 'chat-sender', text: shownName(message) });
    const time = h('time', { class: 'chat-time', datetime: message.createdAt });
    bind(time, { text: () => formatWith(message.createdAt, { hour: 'numeric', minute: '2-digit' }), attrs: { title: () => formatDateTime(message.createdAt) } });
    const edited = message.editedAt && !message.deleted ? h('span', { class: 'chat-edited', testid: 'chat-edited', i18n: 'chat.edited' }) : null;
    const bot = message.senderBot ? h('span', { class: 'badge badge-bot', testid: 'chat-bot-badge', i18n: 'chat.botBadge' }) : null;
    return h('div', { class: 'chat-meta' }, name, bot, time, edited, pendingStatus);
  }

  // An incoming webhook's message carries the name it is shown with (the hook's, or its body's username).
  const shownName = (message) => message.senderName ?? nameOf(message.senderId);

  function avatar(message) {
    const accountId = message.senderId;
    if (message.senderName) return h('span', { class: 'chat-avatar', 'aria-hidden': 'true' }, h('span', { class: 'avatar avatar-sm avatar-bot', text: initialOf(message.senderName) }));
    return h('span', { class: 'chat-avatar', 'aria-hidden': 'true' }, h('span', { class: 'avatar avatar-sm', text: initialOf(nameOf(accountId)) }), presenceDot(chat.statusOf(accountId), accountId));
  }

  function quote(parentId) {
    const parent = timeline().byId.get(parentId);
    const text = parent ? (parent.deleted ? t('chat.deleted') : excerpt(parent.text)) : t('chat.earlierMessage');
    const button = h(
      'button',
      { type: 'button', class: 'chat-quote', testid: 'chat-quote' },
      h('span', { class: 'chat-quote-name', text: parent ? nameOf(parent.senderId) : '' }),
      h('span', { class: 'chat-quote-text', text }),
    );
    button.addEventListener('click', () => {
      if (parent) highlight(parent.sequence);
    });
    return button;
  }

  function body(message) {
    if (message.deleted) return h('p', { class: 'chat-text chat-text-deleted', testid: 'chat-text', i18n: 'chat.deleted' });
    const mentioned = message.mentions.map((a) => chat.nameOf(a));
    const onlyFiles = message.attachments.length && message.text === attachmentsText(message.attachments.map((f) => f.name));
    // An incoming webhook's text is Moim markdown (converted from Slack's mrkdwn): rendered as such, safely.
    if (message.senderName) return h('div', { class: 'chat-text chat-text-markdown', testid: 'chat-text' }, renderMarkdown(message.text ?? ''));
    return [
      onlyFiles ? null : h('p', { class: 'chat-text', testid: 'chat-text' }, messageNodes(message.text ?? '', mentioned, meName())),
      files.render(message),
    ];
  }

  function reactions(message) {
    if (!message.reactions.size || message.deleted) return null;
    return h(
      'div',
      { class: 'chat-reactions', testid: 'chat-reactions' },
      [...message.reactions.entries()].map(([emoji, ids]) => {
        const mine = ids.includes(chat.me());
        const chip = h('button', { type: 'button', class: 'chat-reaction', testid: 'chat-reaction', 'aria-pressed': String(mine), dataset: { emoji } }, h('span', { text: emoji }), h('span', { class: 'chat-reaction-count', text: String(ids.length) }));
        bind(chip, { attrs: { title: () => ids.map(nameOf).join(', '), 'aria-label': () => t('chat.reactionLabel', { emoji, count: ids.length }) } });
        chip.addEventListener('click', () => chat.react(message.id, emoji, !mine).catch(frameError));
        return chip;
      }),
    );
  }

  function actions(message) {
    if (message.deleted) return null;
    const mine = message.senderId === chat.me();
    const bar = h('div', { class: 'chat-actions', role: 'group' });
    bind(bar, { attrs: { 'aria-label': tx('chat.actions') } });
    const button = (key, testid, glyph, onClick) => {
      const b = h('button', { type: 'button', class: 'chat-action', testid }, icon(glyph, { size: 16 }));
      bind(b, { attrs: { title: tx(key), 'aria-label': tx(key) } });
      b.addEventListener('click', onClick);
      return b;
    };
    const picker = h('div', { class: 'chat-picker', hidden: true, testid: 'chat-picker' });
    QUICK_REACTIONS.forEach((emoji) => {
      const b = h('button', { type: 'button', class: 'chat-picker-emoji', testid: 'chat-picker-emoji', text: emoji, dataset: { emoji } });
      b.addEventListener('click', () => {
        picker.hidden = true;
        const mineAlready = (message.reactions.get(emoji) ?? []).includes(chat.me());
        chat.react(message.id, emoji, !mineAlready).catch(frameError);
      });
      picker.append(b);
    });
    bar.append(
      button('chat.react', 'chat-react', 'smile', () => {
        picker.hidden = !picker.hidden;
        if (!picker.hidden) picker.querySelector('button')?.focus();
      }),
      button('chat.reply', 'chat-reply', 'reply', () => startReply(message)),
    );
    if (mine) bar.append(button('chat.edit', 'chat-edit', 'pencil', () => startEdit(message)));
    if (mine || mayDeleteAny()) bar.append(button('chat.delete', 'chat-delete', 'trash', () => deleteMessage(message)));
    picker.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        picker.hidden = true;
        bar.querySelector('[data-testid="chat-react"]')?.focus();
      }
    });
    return h('div', { class: 'chat-actions-wrap' }, bar, picker);
  }

  function messageItem(message, grouped) {
    const parent = message.parentId ? timeline().byId.get(message.parentId) : null;
    const key = `${message.id}:${message.version}:${grouped}:${parent ? `${parent.version}` : '-'}:${[...message.reactions.entries()].map(([e, ids]) => e + ids.join()).join('|')}:${message.mentions.includes(chat.me())}`;
    const cached = nodes.get(message.id);
    const isEditing = editing?.messageId === message.id;
    if (cached && cached.key === key && cached.editor === isEditing) return cached.li;
    const mentionsMe = message.mentions.includes(chat.me());
    const li = h(
      'li',
      {
        class: `chat-msg${grouped ? ' chat-msg-grouped' : ''}${mentionsMe ? ' chat-msg-mentions-me' : ''}${message.deleted ? ' chat-msg-deleted' : ''}`,
        testid: 'chat-message',
        dataset: { sequence: String(message.sequence), messageId: message.id, sender: message.senderId },
      },
      grouped ? h('span', { class: 'chat-avatar-space', 'aria-hidden': 'true' }) : avatar(message),
      h(
        'div',
        { class: 'chat-msg-main' },
        grouped ? h('span', { class: 'sr-only', text: shownName(message) }) : senderLine(message),
        message.parentId ? quote(message.parentId) : null,
        isEditing ? editing.editor : body(message),
        grouped && message.editedAt && !message.deleted ? h('span', { class: 'chat-edited', testid: 'chat-edited', i18n: 'chat.edited' }) : null,
        reactions(message),
      ),
      actions(message),
    );
    nodes.set(message.id, { key, li, editor: isEditing });
    return li;
  }

  function pendingItem(item) {
    const stateText = h('span', { class: 'chat-pending-state', testid: 'chat-pending-state' });
    const parts = [stateText];
    if (item.status === 'sending' || item.status === 'sent') bind(stateText, { text: tx('chat.sending') });
    else {
      bind(stateText, { text: item.status === 'waiting' ? tx('chat.notSentYet') : () => t('chat.notSent', { reason: item.error ?? '' }) });
      const retry = h('button', { type: 'button', class: 'link', testid: 'chat-retry', i18n: 'chat.retry' });
      retry.addEventListener('click', () => chat.transmit(item));
      const discard = h('button', { type: 'button', class: 'link', testid: 'chat-discard', i18n: 'chat.discard' });
      discard.addEventListener('click', () => chat.discard(item));
      parts.push(' ', retry, ' · ', discard);
    }
    const fake = { ...item, editedAt: null, deleted: false };
    return h(
      'li',
      { class: `chat-msg chat-msg-pending chat-msg-${item.status}`, testid: 'chat-pending', dataset: { status: item.status } },
      avatar(item),
      h(
        'div',
        { class: 'chat-msg-main' },
        senderLine(fake, h('span', { class: 'chat-pending-line' }, parts)),
        item.parentId ? quote(item.parentId) : null,
        item.attachments?.length && item.text === attachmentsText(item.attachments.map((f) => f.name))
          ? null
          : h('p', { class: 'chat-text', testid: 'chat-text' }, messageNodes(item.text, item.mentions.map((a) => chat.nameOf(a)), meName())),
        files.renderPending(item),
      ),
    );
  }

  function dayDivider(iso) {
    const li = h('li', { class: 'chat-day', 'aria-hidden': 'true' });
    bind(li, { text: () => formatWith(iso, { weekday: 'long', month: 'long', day: 'numeric' }) });
    return li;
  }

  const dayOf = (iso) => formatWith(iso, { year: 'numeric', month: '2-digit', day: '2-digit' });

  /** Puts the wanted nodes in place, moving none that is already where it belongs (focus stays). */
  function reconcile(wanted) {
    let cursor = list.firstChild;
    for (const node of wanted) {
      if (node === cursor) {
        cursor = cursor.nextSibling;
        continue;
      }
      list.insertBefore(node, cursor);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  const days = new Map();
  function renderMessages({ stick = false } = {}) {
    const tl = timeline();
    const wasAtBottom = nearBottom();
    const wanted = [];
    let previous = null;
    for (const message of tl.sorted()) {
      const day = dayOf(message.createdAt);
      if (!previous || dayOf(previous.createdAt) !== day) {
        if (!days.has(day)) days.set(day, dayDivider(message.createdAt));
        wanted.push(days.get(day));
      }
      const grouped = Boolean(previous && previous.senderId === message.senderId && previous.senderName === message.senderName && !previous.deleted && !message.parentId
        && Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_MS && dayOf(previous.createdAt) === day);
      wanted.push(messageItem(message, grouped));
      previous = message;
    }
    tl.pending.forEach((item) => wanted.push(pendingItem(item)));
    reconcile(wanted);
    older.hidden = !tl.moreBefore;
    if (tl.loaded && !tl.messages.size && !tl.pending.length) bind(status, { text: tx('chat.empty') });
    else bind(status, { text: () => '' });
    if (stick || wasAtBottom) scrollToBottom();
    return wasAtBottom;
  }

  function scrollToBottom() {
    scroller.scrollTop = scroller.scrollHeight;
    jump.hidden = true;
  }

  function highlight(sequence) {
    const li = list.querySelector(`[data-sequence="${sequence}"]`);
    if (!li) return false;
    li.scrollIntoView({ block: 'center' });
    li.classList.add('chat-msg-highlight');
    setTimeout(() => li.classList.remove('chat-msg-highlight'), 2500);
    return true;
  }

  async function loadOlder() {
    const before = scroller.scrollHeight - scroller.scrollTop;
    try {
      const count = await chat.loadOlder(channelId);
      if (!alive || !count) return;
      renderMessages();
      scroller.scrollTop = scroller.scrollHeight - before;
    } catch (err) {
      toastError(err);
    }
  }

  function maybeRead() {
    if (!alive || !el.isConnected || document.visibilityState !== 'visible') return;
    if (!timeline().loaded || !nearBottom()) return;
    chat.markRead(channelId);
  }

  // ----------------------------------------------------------------- composing
  function startReply(message) {
    replyTo = message;
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon', testid: 'chat-reply-cancel', text: '×', i18nAttrs: { 'aria-label': 'chat.cancelReply', title: 'chat.cancelReply' } });
    cancel.addEventListener('click', () => {
      endReply();
      input.focus();
    });
    const label = h('span', { class: 'chat-reply-label' });
    bind(label, { text: tx('chat.replyingTo', { name: nameOf(message.senderId) }) });
    replyBar.replaceChildren(label, h('span', { class: 'chat-quote-text', text: excerpt(message.text) }), cancel);
    replyBar.hidden = false;
    input.focus();
  }

  function endReply() {
    replyTo = null;
    replyBar.hidden = true;
    replyBar.replaceChildren();
  }

  /**
   * Ids of the people whose "@Name" the text contains: the channel's readers (the picker's) and
   * the workspace's other members (longest names first). The server notifies the readers and
   * answers who else was named (mentionsNotDelivered), which the writer is then told.
   */
  /** The channel's readers and the workspace's members the text names, matched together (the server tells who was not notified). */
  function mentionsIn(text) {
    return mentionPicker.mentionedIn(text, [...chat.members.values()]);
  }

  function validate(text, withFiles = false) {
    if (!text.trim() && !withFiles) return false;
    if (utf8Bytes(text) > TEXT_MAX_BYTES) {
      composeError.hidden = false;
      bind(composeError, { text: tx('chat.tooLong') });
      return false;
    }
    composeError.hidden = true;
    return true;
  }

  /** Sends text and files; a message of files only shows their names as its (required) text. */
  function post(text, attachments = []) {
    const body = text.trim() ? text : attachmentsText(attachments.map((f) => f.name));
    const mentions = mentionsIn(text);
    mentionNotice.hidden = true;
    chat.send(channelId, { text: body, mentions, parentId: replyTo?.parentId ?? replyTo?.id ?? null, attachments });
  }

  /** The server's word that a send's mentions did not notify these people: they cannot read the channel. */
  function tellNotDelivered(people) {
    const names = people.map((p) => p.displayName).filter(Boolean);
    if (!names.length) return;
    mentionNotice.replaceChildren(bind(h('span'), { text: tx('chat.mentionNotDelivered', { names: names.join(', ') }) }));
    mentionNotice.hidden = false;
  }

  function submit() {
    const text = input.value;
    if (files.busy()) {
      files.say(tx('chatFiles.waitForUploads'));
      return;
    }
    if (commands.isCommand(text) && !files.ready()) {
      commands.run(text);
      input.value = '';
      autosize();
      return;
    }
    if (!validate(commands.literal(text), files.ready())) return;
    post(commands.literal(text), files.take());
    input.value = '';
    autosize();
    endReply();
    mentionPicker.close();
    renderMessages({ stick: true });
  }

  function startEdit(message) {
    const editor = h('textarea', { class: 'chat-input chat-edit-input', testid: 'chat-edit-input', value: message.text });
    bind(editor, { attrs: { 'aria-label': tx('chat.editLabel') } });
    const save = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'chat-edit-save', i18n: 'common.save' });
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'chat-edit-cancel', i18n: 'common.cancel' });
    const hint = h('span', { class: 'chat-edit-hint', i18n: 'chat.editHint' });
    const wrap = h('div', { class: 'chat-editor' }, editor, h('div', { class: 'chat-editor-actions' }, cancel, save, hint));
    const finish = () => {
      editing = null;
      renderMessages();
      list.querySelector(`[data-message-id="${CSS.escape(message.id)}"] [data-testid="chat-edit"]`)?.focus();
    };
    const commit = () => {
      const text = editor.value;
      if (text === message.text) return finish();
      if (!validate(text)) return undefined;
      save.disabled = true;
      return mentionPicker
        .load()
        .then(() => chat.edit(message.id, text, mentionsIn(text)))
        .then(finish)
        .catch((err) => {
          save.disabled = false;
          frameError(err);
        });
    };
    save.addEventListener('click', commit);
    cancel.addEventListener('click', finish);
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        finish();
      }
    });
    editing = { messageId: message.id, editor: wrap };
    renderMessages();
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  function deleteMessage(message) {
    confirmDialog({
      title: tx('chat.deleteTitle'),
      message: tx('chat.confirmDelete'),
      confirm: 'common.delete',
      danger: true,
      testid: 'chat-delete-confirm',
      action: () => chat.remove(message.id),
    });
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  }

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && replyTo) {
      endReply();
    }
  });
  input.addEventListener('input', () => {
    autosize();
    if (input.value.trim()) chat.typingIn(channelId);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  older.addEventListener('click', loadOlder);
  jump.addEventListener('click', () => {
    scrollToBottom();
    maybeRead();
  });
  scroller.addEventListener('scroll', () => {
    if (scroller.scrollTop < 40 && timeline().moreBefore) loadOlder();
    if (nearBottom()) {
      jump.hidden = true;
      maybeRead();
    }
  });
  const onVisible = () => maybeRead();
  document.addEventListener('visibilitychange', onVisible);

  // ----------------------------------------------------------------- store events
  const off = chat.onChange((event) => {
    if (!alive) return;
    if (event.type === 'connection') renderConnection();
    else if (event.type === 'presence') {
      el.querySelectorAll('.presence-dot[data-account-id]').forEach((dot) => setPresence(dot, chat.statusOf(dot.dataset.accountId)));
    } else if (event.type === 'members') {
      nodes.clear();
      renderHeader();
      renderMessages();
    } else if (event.type === 'channels') renderHeader();
    else if (event.type === 'typing' && event.channelId === channelId) renderTyping();
    else if (event.type === 'mentions-not-delivered' && event.channelId === channelId) tellNotDelivered(event.people);
    else if (event.type === 'timeline' && event.channelId === channelId) {
      if (event.gone) {
        bind(status, { text: tx('chat.gone') });
        form.hidden = true;
        return;
      }
      const mineLive = event.live && timeline().messages.get(event.sequence)?.senderId === chat.me();
      const wasAtBottom = renderMessages({ stick: mineLive });
      if (event.live && !wasAtBottom && !mineLive) {
        jump.hidden = false;
      }
      renderTyping();
      maybeRead();
    }
  });

  renderHeader();
  renderConnection();
  renderTyping();
  bind(status, { text: tx('common.loading') });
  chat
    .load(channelId)
    .then(async () => {
      if (!alive) return;
      renderMessages({ stick: true });
      // A notification's ?seq=: read back until it is there, then show it.
      for (let i = 0; focusSeq && i < 20 && !timeline().messages.has(focusSeq) && timeline().moreBefore; i++) {
        await chat.loadOlder(channelId);
        if (!alive) return;
        renderMessages();
      }
      if (focusSeq) highlight(focusSeq);
      focusSeq = null;
      maybeRead();
    })
    .catch((err) => {
      if (!alive || err.sessionEnded) return;
      bind(status, { text: err.status === 404 ? tx('chat.gone') : tx('chat.loadFailed') });
      if (err.status === 404) form.hidden = true;
    });

  return {
    el,
    focus: () => input.focus(),
    /** Shows a given message (another notification for the same conversation). */
    show(sequence) {
      if (!highlight(sequence)) {
        focusSeq = sequence;
      }
    },
    cleanup() {
      alive = false;
      clearTimeout(slowTimer);
      calls.cleanup();
      named.cleanup();
      mentionPicker.detach();
      commands.detach();
      files.cleanup();
      off();
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
