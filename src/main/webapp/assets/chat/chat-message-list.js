/**
 * The conversation's messages: day dividers, runs of one sender's messages grouped, pending
 * sends last; older pages load at the top (the scroll position kept); "New messages below" when
 * one arrives while reading further up; the channel is marked read when its end is in view.
 */
import { bind, formatWith, tx } from '../i18n.js';
import { h } from '../dom.js';
import { toastError } from '../views/ui.js';

const GROUP_MS = 5 * 60_000;
const NEAR_BOTTOM_PX = 48;

const dayOf = (iso) => formatWith(iso, { year: 'numeric', month: '2-digit', day: '2-digit' });

function dayDivider(iso) {
  const li = h('li', { class: 'chat-day', 'aria-hidden': 'true' });
  bind(li, { text: () => formatWith(iso, { weekday: 'long', month: 'long', day: 'numeric' }) });
  return li;
}

/** Whether message continues previous's run: same sender, same day, within five minutes, not a reply. */
function continues(previous, message, day) {
  return Boolean(previous && previous.senderId === message.senderId && previous.senderName === message.senderName && !previous.deleted && !message.parentId
    && Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_MS && dayOf(previous.createdAt) === day);
}

/** Puts the wanted nodes in place in list, moving none that is already where it belongs (focus stays). */
function reconcile(list, wanted) {
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

/**
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {string} o.channelId
 * @param {string} o.titleId what the log is labelled by
 * @param {() => boolean} o.alive false once the panel is cleaned up
 * @param {{item: Function, pending: Function}} o.items the message nodes (chat-message.js), set before the first render
 */
export function messageList({ chat, channelId, titleId, alive, items }) {
  const timeline = () => chat.timeline(channelId);
  const status = h('div', { class: 'chat-status', role: 'status', testid: 'chat-status' });
  const older = h('button', { type: 'button', class: 'btn btn-ghost btn-sm chat-older', testid: 'chat-older', i18n: 'chat.loadOlder', hidden: true });
  const list = h('ol', { class: 'chat-messages', testid: 'chat-messages' });
  const log = h('div', { role: 'log', 'aria-labelledby': titleId }, list);
  const scroller = h('div', { class: 'chat-scroll', testid: 'chat-scroll', tabindex: '0' }, older, status, log);
  bind(scroller, { attrs: { 'aria-label': tx('chat.messagesLabel') } });
  const jump = h('button', { type: 'button', class: 'btn btn-primary btn-sm chat-jump', testid: 'chat-jump', i18n: 'chat.newBelow', hidden: true });
  const nearBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX;
  const days = new Map();

  /** Draws the timeline; returns whether it was scrolled to its end before. */
  function render({ stick = false } = {}) {
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
      wanted.push(items.item(message, continues(previous, message, day)));
      previous = message;
    }
    tl.pending.forEach((item) => wanted.push(items.pending(item)));
    reconcile(list, wanted);
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

  /** Scrolls to and marks a message; false when it is not loaded. */
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
      if (!alive() || !count) return;
      render();
      scroller.scrollTop = scroller.scrollHeight - before;
    } catch (err) {
      toastError(err);
    }
  }

  /** Marks the channel read when its end is in view of someone looking (the panel on a visible page). */
  function maybeRead() {
    if (!alive() || !scroller.isConnected || document.visibilityState !== 'visible') return;
    if (!timeline().loaded || !nearBottom()) return;
    chat.markRead(channelId);
  }

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
  document.addEventListener('visibilitychange', maybeRead);

  return {
    scroller,
    jump,
    list,
    render,
    highlight,
    maybeRead,
    /** A new message arrived below while reading further up. */
    showJump: () => {
      jump.hidden = false;
    },
    /** The line above the messages: loading, empty, gone, failed. */
    say: (producer) => bind(status, { text: producer }),
    cleanup: () => document.removeEventListener('visibilitychange', maybeRead),
  };
}
