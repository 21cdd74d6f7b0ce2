/**
 * The running call of each conversation someone is looking at, for the conversation headers:
 * who is in it, so they can join. Built from what the server already says (docs/calls.md):
 *
 *  - the channel's newest call over REST (GET /calls?channelId=…&limit=1: a running call has
 *    endedAt null and its participants still in it have leftAt null), read when a header appears,
 *    after every reconnect, and again whenever a frame says the call changed;
 *  - `call-ring` (a call started in one of my channels: shown at once with its starter),
 *    `call-ring-stopped` (I answered on some tab), `call-ended` (gone at once, never shown again),
 *    and while this tab is in the call, `call-participant-joined` / `-left`;
 *  - this tab's own joins and leaves (calls.js calls {@link refreshChannelCall}).
 *
 * People joining or leaving a call one is not in are not pushed to non-participants, so while a
 * watched conversation has a running call, it is read again every 15 s (only while the tab is
 * visible).
 */
import { listChannelCalls } from '../api.js';
import * as realtime from '../realtime.js';

const POLL_MS = 15_000;

/** channelId → {call, listeners: Set, generation, timer} */
const watched = new Map();
const ended = new Set(); // call ids known to be over
let offs = [];

/**
 * Calls {@code listener(call|null)} now and whenever the channel's running call changes. A call is
 * {id, channelId, startedBy, startedByName, participants: [{accountId, displayName}]}.
 * @returns {() => void} stops watching
 */
export function watchChannelCall(channelId, listener) {
  let entry = watched.get(channelId);
  if (!entry) {
    entry = { call: null, listeners: new Set(), generation: 0, timer: null };
    watched.set(channelId, entry);
    listen();
    refreshChannelCall(channelId);
  }
  entry.listeners.add(listener);
  listener(entry.call);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size) return;
    clearTimeout(entry.timer);
    entry.generation++;
    watched.delete(channelId);
    if (!watched.size) unlisten();
  };
}

/** Reads the channel's running call again (if someone watches it). */
export async function refreshChannelCall(channelId) {
  const entry = watched.get(channelId);
  if (!entry) return;
  const generation = ++entry.generation;
  clearTimeout(entry.timer);
  let call = null;
  try {
    const page = await listChannelCalls(channelId, 1);
    const live = page.items?.find((c) => c.endedAt == null && !ended.has(c.id));
    call = live ? fromView(live) : null;
  } catch (err) {
    if (err.sessionEnded) return;
    call = entry.call; // keep what is shown; the next frame or poll tries again
  }
  if (entry.generation !== generation || watched.get(channelId) !== entry) return;
  set(channelId, call);
}

function fromView(view) {
  const people = new Map();
  for (const p of view.participants ?? []) {
    if (p.leftAt == null) people.set(p.accountId, { accountId: p.accountId, displayName: p.displayName ?? '' });
  }
  return {
    id: view.id,
    channelId: view.channelId,
    startedBy: view.startedBy,
    startedByName: view.startedByName ?? '',
    participants: [...people.values()],
  };
}

function set(channelId, call) {
  const entry = watched.get(channelId);
  if (!entry) return;
  entry.call = call && !ended.has(call.id) ? call : null;
  clearTimeout(entry.timer);
  if (entry.call) entry.timer = setTimeout(() => poll(channelId), POLL_MS);
  entry.listeners.forEach((fn) => fn(entry.call));
}

function poll(channelId) {
  if (document.visibilityState === 'hidden') {
    const entry = watched.get(channelId);
    if (entry) entry.timer = setTimeout(() => poll(channelId), POLL_MS);
    return;
  }
  refreshChannelCall(channelId);
}

/** The watched channel whose running call this is, if any. */
function channelOfCall(callId) {
  for (const [channelId, entry] of watched) {
    if (entry.call?.id === callId) return channelId;
  }
  return null;
}

function listen() {
  if (offs.length) return;
  const refreshCall = (frame) => {
    const channelId = channelOfCall(frame.callId);
    if (channelId) refreshChannelCall(channelId);
  };
  offs = [
    realtime.on('call-ring', ({ call }) => {
      if (!call || !watched.has(call.channelId) || ended.has(call.id)) return;
      // Shown at once with its starter, then read for everyone in it.
      set(call.channelId, {
        id: call.id,
        channelId: call.channelId,
        startedBy: call.startedBy,
        startedByName: call.startedByName ?? '',
        participants: [{ accountId: call.startedBy, displayName: call.startedByName ?? '' }],
      });
      refreshChannelCall(call.channelId);
    }),
    realtime.on('call-ring-stopped', refreshCall),
    realtime.on('call-participant-joined', refreshCall),
    realtime.on('call-participant-left', refreshCall),
    realtime.on('call-ended', ({ callId, channelId }) => {
      ended.add(callId);
      const entry = watched.get(channelId);
      if (!entry) return;
      entry.generation++; // a read already on its way may still see it running
      set(channelId, null);
    }),
    realtime.onOpen(() => [...watched.keys()].forEach(refreshChannelCall)),
  ];
}

function unlisten() {
  offs.forEach((off) => off());
  offs = [];
}
