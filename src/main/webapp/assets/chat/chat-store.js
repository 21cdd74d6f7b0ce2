/**
 * This tab's chat state for one workspace (docs/chat.md, docs/realtime-protocol.md).
 *
 *  - The channels I read (GET …/channels) with their unread counts. Every one is subscribed on
 *    the tab's socket, so unread counts move live; a `read` frame (from any of my tabs) sets them.
 *  - Per channel opened in a panel, a timeline: messages by sequence, filled by REST pages
 *    (older ones on demand) and by the subscription (live and replayed). Keyed by sequence, so a
 *    message can never show twice.
 *  - After a reconnect every channel is subscribed again with `after` = the last sequence held:
 *    the server replays what was missed (or says `resync`, and the gap is read over REST). The
 *    shown messages are read again, since edits, deletions and reactions are not replayed.
 *  - Sending makes a pending entry with its own idempotency key; it is retried with the same key
 *    (after a reconnect, or by the person) until acknowledged, so it is stored exactly once.
 *  - Presence of the workspace's members (not for guests) and who is typing.
 *
 * Views listen with onChange(fn); events are {type: 'channels' | 'timeline' | 'typing' |
 * 'presence' | 'connection' | 'members', channelId?}, and {type: 'mentions-not-delivered',
 * channelId, people: [{accountId, displayName}]} when a send's acknowledgement names people its
 * mentions did not notify (they cannot read the channel).
 */
import * as api from '../api.js';
import * as realtime from '../realtime.js';
import { getMe } from '../store.js';

const PAGE = 50;
const TYPING_SHOWN_MS = 5_000;
const TYPING_SEND_MS = 2_500;
const REFRESH_MS = 30_000;
const TAB = (crypto.randomUUID?.() ?? String(Math.random()).slice(2)).slice(0, 12);
let keySeq = 0;

/**
 * A message as this store keeps it, from the one shape the server has for it (REST's ChatMessage,
 * which a `message` frame carries as `message`): reactions become a Map of emoji → account ids,
 * which the reaction frames then keep current.
 */
export function fromWire(message) {
  return { ...message, reactions: new Map(message.reactions.map((r) => [r.emoji, [...r.accountIds]])) };
}

class Timeline {
  constructor() {
    /** @type {Map<number, object>} */
    this.messages = new Map();
    this.byId = new Map();
    this.moreBefore = false;
    this.loaded = false;
    this.loading = null;
    /** Sends not acknowledged (or acknowledged, their message not here yet), in order. */
    this.pending = [];
  }

  get hi() {
    let hi = 0;
    for (const seq of this.messages.keys()) if (seq > hi) hi = seq;
    return hi;
  }

  get lo() {
    let lo = Infinity;
    for (const seq of this.messages.keys()) if (seq < lo) lo = seq;
    return lo === Infinity ? 0 : lo;
  }

  /** Puts a message in unless a newer version of it is there; true when something changed. */
  put(message) {
    const old = this.messages.get(message.sequence);
    if (old && old.version > message.version) return false;
    this.messages.set(message.sequence, message);
    this.byId.set(message.id, message);
    const pending = this.pending.findIndex((p) => p.messageId === message.id);
    if (pending >= 0) this.pending.splice(pending, 1);
    return true;
  }

  sorted() {
    return [...this.messages.values()].sort((a, b) => a.sequence - b.sequence);
  }
}

export class ChatWorkspace {
  constructor(workspaceId, { listMembers = true } = {}) {
    this.workspaceId = workspaceId;
    this.listMembers = listMembers;
    /** @type {Map<string, object>} channel id → channel (REST shape, kept current) */
    this.channels = new Map();
    /** @type {Map<string, Timeline>} */
    this.timelines = new Map();
    /** @type {Map<string, object>} account id → member */
    this.members = new Map();
    /** @type {Map<string, string>} account id → online | away | offline */
    this.presence = new Map();
    /** @type {Map<string, Map<string, number>>} channel id → (account id → shown until) */
    this.typing = new Map();
    this.lastTypingSent = new Map();
    this.listeners = new Set();
    this.connected = realtime.isConnected();
    this.everConnected = this.connected;
    this.loaded = false;
    this.offs = [];
    this.timers = [];
  }

  // ------------------------------------------------------------------ lifecycle

  start() {
    const on = (type, fn) => this.offs.push(realtime.on(type, fn));
    on('message', (f) => this.onMessage(f));
    on('edited', (f) => this.onChanged(f, { text: f.text, mentions: f.mentions ?? [], editedAt: f.editedAt }));
    on('deleted', (f) => this.onChanged(f, { text: null, mentions: [], deleted: true }));
    on('reaction', (f) => this.onReaction(f));
    on('typing', (f) => this.onTyping(f));
    on('presence', (f) => this.onPresence(f));
    on('read', (f) => this.onRead(f));
    on('unsubscribed', (f) => this.onUnsubscribed(f));
    on('notification', (f) => {
      if (String(f.notification?.kind ?? '').startsWith('chat.')) this.refreshChannels();
    });
    on('disconnected', () => {
      this.connected = false;
      this.emit({ type: 'connection' });
    });
    this.offs.push(realtime.onOpen(() => this.connectedAgain()));
    this.loadMembers();
    if (realtime.isConnected()) this.connectedAgain();
    else this.refreshChannels();
    const refresh = () => {
      if (document.visibilityState === 'visible') this.refreshChannels();
    };
    this.timers.push(setInterval(refresh, REFRESH_MS));
    document.addEventListener('visibilitychange', refresh);
    this.offs.push(() => document.removeEventListener('visibilitychange', refresh));
  }

  stop() {
    this.stopped = true;
    this.offs.forEach((off) => off());
    this.timers.forEach(clearInterval);
    if (realtime.isConnected()) {
      for (const id of this.channels.keys()) realtime.send({ type: 'unsubscribe', id: `u-${id}`, channelId: id });
      if (this.listMembers) realtime.send({ type: 'unsubscribe', id: `u-${this.workspaceId}`, workspaceId: this.workspaceId });
    }
    this.listeners.clear();
  }

  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(event) {
    this.listeners.forEach((fn) => {
      try {
        fn(event);
      } catch (err) {
        console.error(err);
      }
    });
  }

  // ------------------------------------------------------------------ names

  me() {
    return getMe()?.id ?? null;
  }

  nameOf(accountId) {
    if (accountId === this.me()) return getMe()?.displayName ?? null;
    const member = this.members.get(accountId);
    if (!member && accountId) this.askAbout(accountId);
    return member?.displayName ?? null;
  }

  /**
   * Someone not in the directory read when the page loaded (a bot or a slash command made since,
   * a new member): the directory is read again, once per unknown account, batched.
   */
  askAbout(accountId) {
    this.askedAbout ??= new Set();
    if (!this.listMembers || this.askedAbout.has(accountId)) return;
    this.askedAbout.add(accountId);
    clearTimeout(this.membersTimer);
    this.membersTimer = setTimeout(() => !this.stopped && this.loadMembers(), 500);
  }

  async loadMembers() {
    if (!this.listMembers) return;
    try {
      const members = await api.listMembers(this.workspaceId);
      if (this.stopped) return;
      this.members = new Map(members.map((m) => [m.accountId, m]));
      this.emit({ type: 'members' });
    } catch (err) {
      if (!err.sessionEnded) console.info('Chat: no member directory', err.status);
    }
  }

  /** Who reads a channel, as far as this tab knows (DMs: their members; boards: the workspace). */
  readersOf(channelId) {
    const channel = this.channels.get(channelId);
    if (channel?.kind === 'DIRECT') return channel.memberIds;
    return [...this.members.keys()];
  }

  // ------------------------------------------------------------------ channels

  totalUnread() {
    let total = 0;
    for (const channel of this.channels.values()) total += channel.unread || 0;
    return total;
  }

  /** Reads the channel list again; channels new to this tab are subscribed (unless told not to). */
  async refreshChannels({ subscribeNew = true } = {}) {
    try {
      const list = await api.listChannels(this.workspaceId);
      if (this.stopped) return;
      const fresh = [];
      for (const view of list) {
        const known = this.channels.get(view.id);
        if (known) {
          // Live frames may already be ahead of this answer: keep the further state.
          if (view.lastSequence >= known.lastSequence) Object.assign(known, view);
        } else {
          this.channels.set(view.id, { ...view });
          fresh.push(view.id);
        }
      }
      this.loaded = true;
      if (this.connected && subscribeNew) fresh.forEach((id) => this.subscribe(id));
      this.emit({ type: 'channels' });
    } catch (err) {
      if (!err.sessionEnded && !err.network) console.warn('Chat: could not list channels', err);
    }
  }

  /** A channel got from elsewhere (a board's channel, a new DM): known and subscribed from now on. */
  adopt(view) {
    let channel = this.channels.get(view.id);
    if (!channel) {
      channel = { ...view };
      this.channels.set(view.id, channel);
      if (this.connected) this.subscribe(view.id);
      this.emit({ type: 'channels' });
    }
    return channel;
  }

  async connectedAgain() {
    this.connected = true;
    const reconnect = this.everConnected;
    this.everConnected = true;
    this.emit({ type: 'connection' });
    await this.refreshChannels({ subscribeNew: false });
    if (this.stopped || !this.connected) return;
    for (const id of this.channels.keys()) this.subscribe(id, { reconnect });
    if (this.listMembers) {
      realtime.request({ type: 'subscribe', workspaceId: this.workspaceId }, 'ack').catch(() => {});
    }
    for (const timeline of this.timelines.values()) {
      timeline.pending.filter((p) => p.status !== 'sending' && p.status !== 'error' && !p.messageId).forEach((p) => this.transmit(p));
    }
  }

  async subscribe(channelId, { reconnect = false } = {}) {
    const channel = this.channels.get(channelId);
    const timeline = this.timelines.get(channelId);
    const after = timeline?.loaded ? Math.max(timeline.hi, 0) : channel?.lastSequence ?? 0;
    let ack;
    try {
      ack = await realtime.request({ type: 'subscribe', channelId, after }, 'ack');
    } catch (err) {
      if (err.type === 'not-found') this.forget(channelId);
      return;
    }
    if (ack.resync && channel) {
      if (timeline?.loaded) await this.fill(channelId, after, ack.lastSequence).catch(() => this.reloadShown(channelId));
      else this.reloadChannel(channelId);
    }
    if (reconnect && timeline?.loaded) this.reloadShown(channelId);
  }

  async reloadChannel(channelId) {
    try {
      const view = await api.getChannel(channelId);
      const channel = this.channels.get(channelId);
      if (channel) Object.assign(channel, view);
      this.emit({ type: 'channels' });
    } catch {
      /* the next refresh tries again */
    }
  }

  /** Reads the messages after `after` up to `last` over REST (after a `resync`). */
  async fill(channelId, after, last) {
    const timeline = this.timelines.get(channelId);
    let cursor = after;
    for (let page = 0; page < 40 && cursor < last; page++) {
      const result = await api.listMessages(channelId, { after: cursor, limit: 100 });
      result.items.map(fromWire).forEach((m) => this.accept(m, { count: true }));
      if (!result.more || !result.items.length) break;
      cursor = result.items[result.items.length - 1].sequence;
    }
    this.emit({ type: 'timeline', channelId });
    return timeline;
  }

  /** The current state of the shown messages (edits, deletions, reactions are not replayed). */
  async reloadShown(channelId) {
    const timeline = this.timelines.get(channelId);
    if (!timeline) return;
    try {
      const count = Math.min(timeline.messages.size, 100);
      const result = await api.listMessages(channelId, { before: timeline.hi + 1, limit: Math.max(count, 1) });
      result.items.map(fromWire).forEach((m) => timeline.put(m));
      this.emit({ type: 'timeline', channelId });
    } catch {
      /* shown as they were */
    }
  }

  forget(channelId) {
    this.channels.delete(channelId);
    this.timelines.delete(channelId);
    this.emit({ type: 'channels' });
    this.emit({ type: 'timeline', channelId, gone: true });
  }

  // ------------------------------------------------------------------ timelines

  timeline(channelId) {
    let timeline = this.timelines.get(channelId);
    if (!timeline) {
      timeline = new Timeline();
      this.timelines.set(channelId, timeline);
    }
    return timeline;
  }

  /** The newest page, once (live messages arriving meanwhile are kept). */
  load(channelId) {
    const timeline = this.timeline(channelId);
    if (timeline.loaded) return Promise.resolve(timeline);
    if (!timeline.loading) {
      timeline.loading = api
        .listMessages(channelId, { limit: PAGE })
        .then((page) => {
          page.items.map(fromWire).forEach((m) => timeline.put(m));
          timeline.moreBefore = page.more;
          timeline.loaded = true;
          this.emit({ type: 'timeline', channelId });
          return timeline;
        })
        .finally(() => {
          timeline.loading = null;
        });
    }
    return timeline.loading;
  }

  /** The page before the oldest shown; resolves with how many came. */
  async loadOlder(channelId) {
    const timeline = this.timeline(channelId);
    if (!timeline.moreBefore || timeline.olderLoading) return 0;
    timeline.olderLoading = true;
    try {
      const page = await api.listMessages(channelId, { before: timeline.lo, limit: PAGE });
      page.items.map(fromWire).forEach((m) => timeline.put(m));
      timeline.moreBefore = page.more;
      return page.items.length;
    } finally {
      timeline.olderLoading = false;
    }
  }

  // ------------------------------------------------------------------ frames

  /** A message (live, replayed or read): into its timeline; counted unread when new and not mine. */
  accept(message, { count = true } = {}) {
    const channel = this.channels.get(message.channelId);
    if (channel) {
      if (message.sequence > channel.lastSequence) {
        if (count && !message.deleted && message.senderId !== this.me() && message.sequence > channel.readSequence) {
          channel.unread = (channel.unread || 0) + 1;
        }
        channel.lastSequence = message.sequence;
        channel.lastAt = message.createdAt;
      }
    }
    const timeline = this.timelines.get(message.channelId);
    if (timeline && (timeline.loaded || timeline.loading)) timeline.put(message);
    // Whoever sent it has stopped typing.
    this.typing.get(message.channelId)?.delete(message.senderId);
  }

  onMessage(frame) {
    if (!this.channels.has(frame.channelId)) return;
    this.accept(fromWire(frame.message));
    this.emit({ type: 'channels' });
    this.emit({ type: 'timeline', channelId: frame.channelId, sequence: frame.sequence, live: true });
  }

  onChanged(frame, change) {
    const timeline = this.timelines.get(frame.channelId);
    const old = timeline?.messages.get(frame.sequence);
    if (!old || old.version >= frame.version) return;
    timeline.put({ ...old, ...change, version: frame.version });
    this.emit({ type: 'timeline', channelId: frame.channelId, sequence: frame.sequence });
  }

  onReaction(frame) {
    const timeline = this.timelines.get(frame.channelId);
    const message = timeline?.messages.get(frame.sequence);
    if (!message) return;
    const ids = message.reactions.get(frame.emoji) ?? [];
    const next = frame.added ? (ids.includes(frame.accountId) ? ids : [...ids, frame.accountId]) : ids.filter((id) => id !== frame.accountId);
    if (next.length) message.reactions.set(frame.emoji, next);
    else message.reactions.delete(frame.emoji);
    this.emit({ type: 'timeline', channelId: frame.channelId, sequence: frame.sequence });
  }

  onTyping(frame) {
    if (frame.accountId === this.me()) return;
    let typers = this.typing.get(frame.channelId);
    if (!typers) {
      typers = new Map();
      this.typing.set(frame.channelId, typers);
    }
    typers.set(frame.accountId, Date.now() + TYPING_SHOWN_MS);
    this.emit({ type: 'typing', channelId: frame.channelId });
    setTimeout(() => this.emit({ type: 'typing', channelId: frame.channelId }), TYPING_SHOWN_MS + 50);
  }

  /** Who is typing in a channel now (account ids). */
  typers(channelId) {
    const now = Date.now();
    return [...(this.typing.get(channelId) ?? new Map()).entries()].filter(([, until]) => until > now).map(([id]) => id);
  }

  onPresence(frame) {
    if (frame.workspaceId !== this.workspaceId) return;
    Object.entries(frame.accounts ?? {}).forEach(([id, status]) => this.presence.set(id, status));
    this.emit({ type: 'presence' });
  }

  statusOf(accountId) {
    if (accountId === this.me() && this.connected) return 'online';
    return this.presence.get(accountId) ?? 'offline';
  }

  onRead(frame) {
    const channel = this.channels.get(frame.channelId);
    if (!channel) return;
    channel.readSequence = Math.max(channel.readSequence || 0, frame.sequence);
    channel.unread = frame.unread;
    this.emit({ type: 'channels' });
  }

  onUnsubscribed(frame) {
    if (frame.channelId) this.forget(frame.channelId);
  }

  // ------------------------------------------------------------------ actions

  /** Moves my read marker to the newest message shown (nothing when it is there already). */
  markRead(channelId) {
    const channel = this.channels.get(channelId);
    const timeline = this.timelines.get(channelId);
    if (!channel || !timeline?.loaded) return;
    const sequence = timeline.hi;
    if (sequence <= (channel.readSequence || 0) && !channel.unread) return;
    if (channel.readSent >= sequence) return;
    channel.readSent = sequence;
    // The unread count comes back as a `read` frame, in order with the channel's message frames
    // (the ack could overtake a message counted in it, which would then be counted twice).
    const request = this.connected
      ? realtime.request({ type: 'read', channelId, sequence }, 'ack')
      : api.markChannelRead(channelId, sequence).then((state) => this.onRead(state));
    request.catch(() => {
      channel.readSent = 0;
    });
  }

  /** Sends a message; it shows as pending at once. */
  send(channelId, { text, mentions = [], parentId = null, attachments = [] }) {
    const timeline = this.timeline(channelId);
    const item = {
      key: `${TAB}-${Date.now().toString(36)}-${++keySeq}`,
      channelId,
      text,
      mentions,
      parentId,
      attachments,
      senderId: this.me(),
      createdAt: new Date().toISOString(),
      status: 'sending',
      messageId: null,
      error: null,
    };
    timeline.pending.push(item);
    // The others stop showing me as typing when my message arrives: the next key tells them again.
    this.lastTypingSent.delete(channelId);
    this.emit({ type: 'timeline', channelId });
    this.transmit(item);
    return item;
  }

  /** (Re)sends a pending message with its own key: stored once, however often this runs. */
  transmit(item) {
    item.status = 'sending';
    item.error = null;
    this.emit({ type: 'timeline', channelId: item.channelId });
    const frame = { type: 'send', channelId: item.channelId, text: item.text, idempotencyKey: item.key };
    if (item.mentions.length) frame.mentions = item.mentions;
    if (item.parentId) frame.parentId = item.parentId;
    if (item.attachments?.length) frame.attachments = item.attachments.map((file) => file.id);
    realtime
      .request(frame, 'ack')
      .then((ack) => {
        item.messageId = ack.messageId;
        item.status = 'sent';
        if (ack.mentionsNotDelivered?.length) {
          this.emit({ type: 'mentions-not-delivered', channelId: item.channelId, people: ack.mentionsNotDelivered });
        }
        const timeline = this.timelines.get(item.channelId);
        if (timeline?.byId.has(ack.messageId)) timeline.pending = timeline.pending.filter((p) => p !== item);
        else if (timeline) {
          // Stored; its message frame should follow. If it does not (the subscription was being
          // renewed), read it over REST.
          setTimeout(() => {
            if (!this.stopped && timeline.pending.includes(item)) this.fill(item.channelId, timeline.hi, ack.sequence).catch(() => {});
          }, 5000);
        }
        this.emit({ type: 'timeline', channelId: item.channelId });
      })
      .catch((err) => {
        const transient = ['disconnected', 'timeout'].includes(err.type);
        item.status = transient ? 'waiting' : 'error';
        item.error = transient ? null : err.message;
        this.emit({ type: 'timeline', channelId: item.channelId });
      });
  }

  discard(item) {
    const timeline = this.timelines.get(item.channelId);
    if (!timeline) return;
    timeline.pending = timeline.pending.filter((p) => p !== item);
    this.emit({ type: 'timeline', channelId: item.channelId });
  }

  edit(messageId, text, mentions) {
    return realtime.request({ type: 'edit', messageId, text, mentions }, 'ack');
  }

  remove(messageId) {
    return realtime.request({ type: 'delete', messageId }, 'ack');
  }

  react(messageId, emoji, add) {
    return realtime.request({ type: 'react', messageId, emoji, add }, 'ack');
  }

  /** Tells the others I am typing (at most every few seconds). */
  typingIn(channelId) {
    const now = Date.now();
    if (now - (this.lastTypingSent.get(channelId) ?? 0) < TYPING_SEND_MS) return;
    this.lastTypingSent.set(channelId, now);
    realtime.send({ type: 'typing', channelId });
  }
}

// ------------------------------------------------------------------ the current workspace

let current = null;
const switchListeners = new Set();

/** The chat state of this workspace (made and started on first use; the previous one stops). */
export function chatFor(workspaceId, options) {
  if (current?.workspaceId === workspaceId) return current;
  current?.stop();
  current = new ChatWorkspace(workspaceId, options);
  current.start();
  switchListeners.forEach((fn) => fn(current));
  return current;
}

export function currentChat() {
  return current;
}

/** Hears the switch to another workspace's chat. */
export function onChatSwitch(fn) {
  switchListeners.add(fn);
  return () => switchListeners.delete(fn);
}

export function stopChat() {
  current?.stop();
  current = null;
  switchListeners.forEach((fn) => fn(null));
}
