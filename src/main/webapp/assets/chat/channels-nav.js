/**
 * The sidebar's channel list: the workspace channels I am in (general first, then by name),
 * each with its unread count and, when some of those mention me or say @channel, a mention
 * badge; muted channels quietly. "+" creates a channel, "Browse" finds public ones to join
 * (channel-dialogs.js). Counts move live with the chat store (chat-store.js).
 */
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { href } from '../router.js';
import * as realtime from '../realtime.js';
import { canChannel, openBrowseChannels, openCreateChannel } from './channel-dialogs.js';

const AT_CHANNEL = /(^|[^\p{L}\p{N}_.@])@channel(?![\p{L}\p{N}_])/u;

/** A small padlock (an SVG: emoji fonts are not everywhere). */
export function lockIcon() {
  const svg = icon('lock', { size: 14 });
  svg.classList.add('channel-lock');
  return svg;
}

/** Workspace channels of a chat store that are not archived, general first, then by name. */
export function workspaceChannels(chat) {
  return [...(chat?.channels.values() ?? [])]
    .filter((c) => c.kind === 'WORKSPACE' && !c.archivedAt)
    .sort((a, b) => Number(b.general) - Number(a.general) || (a.name ?? '').localeCompare(b.name ?? ''));
}

export function channelsNav() {
  const list = h('ul', { class: 'nav-list channel-nav-list', testid: 'channel-nav-list' });
  const create = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon channel-nav-add', testid: 'channel-create', text: '+' });
  bind(create, { attrs: { 'aria-label': tx('channels.create'), title: tx('channels.create') } });
  const browse = h('button', { type: 'button', class: 'btn btn-ghost btn-sm channel-nav-browse', testid: 'channel-browse', i18n: 'channels.browse' });
  const label = h('p', { class: 'nav-group-label channel-nav-label' }, h('span', { i18n: 'channels.title' }), h('span', { class: 'channel-nav-actions' }, browse, create));
  const el = h('div', { class: 'nav-group channel-nav', testid: 'channel-nav', hidden: true }, label, list);
  let chat = null;
  let role = null;
  let offChat = null;

  create.addEventListener('click', () => chat && openCreateChannel(chat));
  browse.addEventListener('click', () => chat && openBrowseChannels(chat, role));

  function current() {
    const match = /^#\/w\/[^/]+\/chat\/([^/?]+)/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function draw() {
    // A guest sees the group only once invited into a channel (guests neither browse nor create).
    el.hidden = !chat || role === null || (!canChannel(role, 'BROWSE') && workspaceChannels(chat).length === 0);
    if (el.hidden) return;
    create.hidden = !canChannel(role, 'CREATE');
    browse.hidden = !canChannel(role, 'BROWSE');
    const open = current();
    list.replaceChildren(
      ...workspaceChannels(chat).map((channel) => {
        const unread = channel.unread || 0;
        const mentions = Math.min(channel.mentions || 0, unread);
        const count = h('span', { class: 'nav-count', testid: 'channel-unread', hidden: !unread || channel.muted, text: String(unread) });
        bind(count, { attrs: { 'aria-label': () => t('chat.unread', { count: unread }) } });
        const mention = h('span', { class: 'nav-count channel-mention', testid: 'channel-mentions', hidden: !mentions, text: `@${mentions}` });
        bind(mention, { attrs: { 'aria-label': () => t('channels.mentions', { count: mentions }) } });
        const link = h(
          'a',
          {
            class: `nav-link channel-link${unread && !channel.muted ? ' channel-unread' : ''}${channel.muted ? ' channel-muted' : ''}`,
            href: href('w', chat.workspaceId, 'chat', channel.id),
            testid: 'channel-link',
            dataset: { channelId: channel.id },
          },
          channel.isPrivate ? h('span', { class: 'nav-icon', 'aria-hidden': 'true' }, lockIcon()) : h('span', { class: 'nav-icon', 'aria-hidden': 'true' }, icon('hash')),
          h('span', { class: 'nav-text', text: channel.name }),
          mention,
          count,
        );
        if (channel.id === open) link.setAttribute('aria-current', 'page');
        return h('li', {}, link);
      }),
    );
  }

  // A message that names me, or says @channel where I have not muted it, is a mention until read.
  const offMessage = realtime.on('message', (frame) => {
    const channel = chat?.channels.get(frame.channelId);
    if (!channel || channel.kind !== 'WORKSPACE' || frame.message.senderId === chat.me()) return;
    if (frame.message.mentions.includes(chat.me()) || (!channel.muted && AT_CHANNEL.test(frame.message.text ?? ''))) {
      channel.mentions = (channel.mentions || 0) + 1;
      queueMicrotask(draw);
    }
  });
  const offRead = realtime.on('read', (frame) => {
    const channel = chat?.channels.get(frame.channelId);
    if (channel && !frame.unread) channel.mentions = 0;
  });
  window.addEventListener('hashchange', draw);

  return {
    el,
    /** Follows a workspace's chat store (null: none open). */
    follow(next) {
      offChat?.();
      offChat = null;
      chat = next;
      if (chat) offChat = chat.onChange((event) => event.type === 'channels' && draw());
      draw();
    },
    /** The caller's role in the open workspace (null: none open). */
    setRole(next) {
      role = next;
      draw();
    },
    cleanup() {
      offChat?.();
      offMessage();
      offRead();
      window.removeEventListener('hashchange', draw);
    },
  };
}
