/**
 * The chat panel's header: the conversation's name, the people of a direct conversation with
 * their presence, a workspace channel's topic and settings button, the call button, and the
 * back and close buttons.
 */
import { bind, t } from '../i18n.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { presenceDot } from './chat-presence.js';

/** A conversation's name: the board's, or the other people's. */
export function channelTitle(chat, channel, boardName = null) {
  if (!channel) return t('chat.title');
  if (channel.kind === 'BOARD') return boardName ? t('chat.boardChannel', { name: boardName }) : t('chat.boardChat');
  if (channel.kind === 'WORKSPACE') return `# ${channel.name}`;
  const others = (channel.memberIds ?? []).filter((id) => id !== chat.me());
  if (!others.length) return chat.nameOf(chat.me()) ?? t('common.someone');
  return others.map((id) => chat.nameOf(id) ?? t('common.someone')).join(', ');
}

/** The back button (a link, or what it does), or null. */
function backButton(back) {
  if (!back) return null;
  const isLink = typeof back === 'string';
  return h(
    isLink ? 'a' : 'button',
    {
      class: 'btn btn-ghost btn-sm chat-back',
      testid: 'chat-back',
      href: isLink ? back : null,
      type: isLink ? null : 'button',
      on: isLink ? null : { click: back },
    },
    icon('back', { size: 18 }),
    h('span', { i18n: 'chat.back' }),
  );
}

/**
 * @param {object} o
 * @param {string} o.titleId the id the panel and its log are labelled by
 * @param {{topic: Node, button: Node}} o.named a workspace channel's extras (channel-dialogs.js)
 * @param {{button: Node}} o.calls the call header (call/call-header.js)
 * @returns {{el: HTMLElement, title: HTMLElement, render: () => void}}
 */
export function chatHeader({ chat, channel, boardName, nameOf, titleId, named, calls, onClose, back }) {
  const title = h('h2', { class: 'chat-title', id: titleId, testid: 'chat-title' });
  const people = h('div', { class: 'chat-people', testid: 'chat-people' });
  const close = onClose
    ? h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon', testid: 'chat-close', text: '×', i18nAttrs: { 'aria-label': 'common.close', title: 'common.close' }, on: { click: onClose } })
    : null;
  const el = h(
    'header',
    { class: 'chat-header' },
    backButton(back),
    h('div', { class: 'chat-header-text' }, title, people, named.topic),
    h('div', { class: 'chat-header-actions' }, named.button, calls.button, close),
  );

  function render() {
    bind(title, { text: () => channelTitle(chat, channel(), boardName()) });
    const c = channel();
    const ids = c?.kind === 'DIRECT' ? c.memberIds.filter((a) => a !== chat.me()) : [];
    people.replaceChildren(
      ...ids.map((a) => h('span', { class: 'chat-person', testid: 'chat-person', dataset: { accountId: a } }, presenceDot(chat.statusOf(a), a), h('span', { text: nameOf(a) }))),
    );
  }

  return { el, title, render };
}
