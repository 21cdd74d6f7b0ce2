/**
 * The chat panel's lines about people and the connection: presence dots, who is typing, and the
 * "Reconnecting…" banner.
 */
import { bind, tx } from '../i18n.js';
import { h } from '../dom.js';

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

/** Every dot under root shows its person's status now. */
export function refreshPresence(root, chat) {
  root.querySelectorAll('.presence-dot[data-account-id]').forEach((dot) => setPresence(dot, chat.statusOf(dot.dataset.accountId)));
}

/**
 * "Kim is typing…" under the messages.
 * @returns {{el: HTMLElement, render: () => void}}
 */
export function typingLine({ chat, channelId, nameOf }) {
  const el = h('div', { class: 'chat-typing', 'aria-live': 'polite', testid: 'chat-typing' });
  function render() {
    const names = chat.typers(channelId).map(nameOf);
    let producer = null;
    if (names.length === 1) producer = tx('chat.typingOne', { name: names[0] });
    else if (names.length === 2) producer = tx('chat.typingTwo', { first: names[0], second: names[1] });
    else if (names.length > 2) producer = tx('chat.typingMany');
    bind(el, { text: producer ?? (() => '') });
  }
  return { el, render };
}

/**
 * "Reconnecting…" while the chat connection is down. The first connection of a fresh page is not
 * a "reconnect": it gets a moment.
 * @returns {{el: HTMLElement, render: () => void, cleanup: () => void}}
 */
export function connectionBanner(chat) {
  const el = h('div', { class: 'chat-banner', role: 'status', 'aria-live': 'polite', testid: 'chat-reconnecting', hidden: true });
  let slow = false;
  const slowTimer = setTimeout(() => {
    slow = true;
    render();
  }, 3000);
  function render() {
    el.hidden = chat.connected || !(chat.everConnected || slow);
    bind(el, { text: chat.connected ? null : tx('chat.reconnecting') });
    if (chat.connected) el.textContent = '';
  }
  return { el, render, cleanup: () => clearTimeout(slowTimer) };
}
