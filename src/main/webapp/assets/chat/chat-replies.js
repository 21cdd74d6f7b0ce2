/**
 * Replies: the bar above the composer while answering a message, and the quote of the message
 * answered that a reply shows (a click shows that message).
 */
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { excerpt } from './chat-text.js';

/**
 * The quote of a reply's parent message.
 * @param {string} parentId
 * @param {object} o
 * @param {() => object} o.timeline the channel's timeline (chat-store.js)
 * @param {(accountId: string) => string} o.nameOf
 * @param {(sequence: number) => boolean} o.highlight scrolls to and marks a message
 */
export function parentQuote(parentId, { timeline, nameOf, highlight }) {
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

/**
 * "Replying to Kim" above the composer, and the message being answered.
 * @param {object} o
 * @param {HTMLTextAreaElement} o.input the composer's text, focused on start and cancel
 * @param {(accountId: string) => string} o.nameOf
 * @returns {{el: HTMLElement, start: (message: object) => void, end: () => void, parentId: () => string|null, active: () => boolean}}
 */
export function replyBar({ input, nameOf }) {
  let replyTo = null; // message
  const el = h('div', { class: 'chat-reply-bar', testid: 'chat-reply-bar', hidden: true });

  function start(message) {
    replyTo = message;
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon', testid: 'chat-reply-cancel', text: '×', i18nAttrs: { 'aria-label': 'chat.cancelReply', title: 'chat.cancelReply' } });
    cancel.addEventListener('click', () => {
      end();
      input.focus();
    });
    const label = h('span', { class: 'chat-reply-label' });
    bind(label, { text: tx('chat.replyingTo', { name: nameOf(message.senderId) }) });
    el.replaceChildren(label, h('span', { class: 'chat-quote-text', text: excerpt(message.text) }), cancel);
    el.hidden = false;
    input.focus();
  }

  function end() {
    replyTo = null;
    el.hidden = true;
    el.replaceChildren();
  }

  return {
    el,
    start,
    end,
    /** The thread a reply goes to: the answered message's parent, or the message itself. */
    parentId: () => replyTo?.parentId ?? replyTo?.id ?? null,
    active: () => replyTo !== null,
  };
}
