/**
 * One message's node in the list (avatar, name and time, the quote it answers, its text or files,
 * reactions and actions), and a pending send's node (sending, or not sent with retry and
 * discard). A message's node is kept while nothing it shows changed, so focus inside it stays.
 */
import { bind, formatDateTime, formatWith, t, tx } from '../i18n.js';
import { h, initialOf } from '../dom.js';
import { renderMarkdown } from '../markdown.js';
import { attachmentsText } from './chat-attachments.js';
import { presenceDot } from './chat-presence.js';
import { messageNodes } from './chat-text.js';
import { parentQuote } from './chat-replies.js';
import { reactionChips } from './chat-reactions.js';
import { messageActions } from './chat-message-actions.js';

/**
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {() => object} o.timeline the channel's timeline
 * @param {(accountId: string) => string} o.nameOf
 * @param {() => ({render: Function, renderPending: Function})} o.files the composer's attachments (chat-attachments.js)
 * @param {() => ({messageId: string, editor: HTMLElement}|null)} o.editing the message being edited, and its editor
 * @param {(sequence: number) => boolean} o.highlight
 * @param {() => boolean} o.mayDeleteAny
 * @param {(message: object) => void} o.onReply
 * @param {(message: object) => void} o.onEdit
 * @returns {{item: (message: object, grouped: boolean) => HTMLLIElement, pending: (item: object) => HTMLLIElement, forget: () => void}}
 */
export function messageItems(o) {
  const { chat, timeline, nameOf } = o;
  const nodes = new Map(); // message id → {key, li, editor}
  const meName = () => chat.nameOf(chat.me());
  // An incoming webhook's message carries the name it is shown with (the hook's, or its body's username).
  const shownName = (message) => message.senderName ?? nameOf(message.senderId);
  const quote = (parentId) => parentQuote(parentId, { timeline, nameOf, highlight: o.highlight });

  function senderLine(message, pendingStatus = null) {
    const name = h('span', { class: 'chat-sender', testid: 'chat-sender', text: shownName(message) });
    const time = h('time', { class: 'chat-time', datetime: message.createdAt });
    bind(time, { text: () => formatWith(message.createdAt, { hour: 'numeric', minute: '2-digit' }), attrs: { title: () => formatDateTime(message.createdAt) } });
    const edited = message.editedAt && !message.deleted ? h('span', { class: 'chat-edited', testid: 'chat-edited', i18n: 'chat.edited' }) : null;
    const bot = message.senderBot ? h('span', { class: 'badge badge-bot', testid: 'chat-bot-badge', i18n: 'chat.botBadge' }) : null;
    return h('div', { class: 'chat-meta' }, name, bot, time, edited, pendingStatus);
  }

  function avatar(message) {
    const accountId = message.senderId;
    if (message.senderName) return h('span', { class: 'chat-avatar', 'aria-hidden': 'true' }, h('span', { class: 'avatar avatar-sm avatar-bot', text: initialOf(message.senderName) }));
    return h('span', { class: 'chat-avatar', 'aria-hidden': 'true' }, h('span', { class: 'avatar avatar-sm', text: initialOf(nameOf(accountId)) }), presenceDot(chat.statusOf(accountId), accountId));
  }

  function body(message) {
    if (message.deleted) return h('p', { class: 'chat-text chat-text-deleted', testid: 'chat-text', i18n: 'chat.deleted' });
    const mentioned = message.mentions.map((a) => chat.nameOf(a));
    const onlyFiles = message.attachments.length && message.text === attachmentsText(message.attachments.map((f) => f.name));
    // An incoming webhook's text is Moim markdown (converted from Slack's mrkdwn): rendered as such, safely.
    if (message.senderName) return h('div', { class: 'chat-text chat-text-markdown', testid: 'chat-text' }, renderMarkdown(message.text ?? ''));
    return [
      onlyFiles ? null : h('p', { class: 'chat-text', testid: 'chat-text' }, messageNodes(message.text ?? '', mentioned, meName())),
      o.files().render(message),
    ];
  }

  /** What the node shows: when it changes, the node is built again. */
  function keyOf(message, grouped) {
    const parent = message.parentId ? timeline().byId.get(message.parentId) : null;
    const reactions = [...message.reactions.entries()].map(([e, ids]) => e + ids.join()).join('|');
    return `${message.id}:${message.version}:${grouped}:${parent ? `${parent.version}` : '-'}:${reactions}:${message.mentions.includes(chat.me())}`;
  }

  function item(message, grouped) {
    const key = keyOf(message, grouped);
    const cached = nodes.get(message.id);
    const editing = o.editing();
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
        reactionChips(message, { chat, nameOf }),
      ),
      messageActions(message, { chat, mayDeleteAny: o.mayDeleteAny, onReply: o.onReply, onEdit: o.onEdit }),
    );
    nodes.set(message.id, { key, li, editor: isEditing });
    return li;
  }

  function pendingState(item) {
    const stateText = h('span', { class: 'chat-pending-state', testid: 'chat-pending-state' });
    if (item.status === 'sending' || item.status === 'sent') {
      bind(stateText, { text: tx('chat.sending') });
      return [stateText];
    }
    bind(stateText, { text: item.status === 'waiting' ? tx('chat.notSentYet') : () => t('chat.notSent', { reason: item.error ?? '' }) });
    const retry = h('button', { type: 'button', class: 'link', testid: 'chat-retry', i18n: 'chat.retry' });
    retry.addEventListener('click', () => chat.transmit(item));
    const discard = h('button', { type: 'button', class: 'link', testid: 'chat-discard', i18n: 'chat.discard' });
    discard.addEventListener('click', () => chat.discard(item));
    return [stateText, ' ', retry, ' · ', discard];
  }

  function pending(item) {
    const fake = { ...item, editedAt: null, deleted: false };
    return h(
      'li',
      { class: `chat-msg chat-msg-pending chat-msg-${item.status}`, testid: 'chat-pending', dataset: { status: item.status } },
      avatar(item),
      h(
        'div',
        { class: 'chat-msg-main' },
        senderLine(fake, h('span', { class: 'chat-pending-line' }, pendingState(item))),
        item.parentId ? quote(item.parentId) : null,
        item.attachments?.length && item.text === attachmentsText(item.attachments.map((f) => f.name))
          ? null
          : h('p', { class: 'chat-text', testid: 'chat-text' }, messageNodes(item.text, item.mentions.map((a) => chat.nameOf(a)), meName())),
        o.files().renderPending(item),
      ),
    );
  }

  return { item, pending, forget: () => nodes.clear() };
}
