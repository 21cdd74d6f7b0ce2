/**
 * The tab's one WebSocket to the real-time gateway (docs/realtime-protocol.md).
 *
 *  - Opened with a one-time ticket (POST /api/v1/realtime/tickets) once signed in, kept open
 *    with a ping every 25 s (proxies close idle sockets), re-authenticated when the server asks,
 *    reconnected with backoff when it drops (not after 4403: the session is over).
 *  - Tells the server when the tab is hidden ("away") or shown again ("online").
 *  - on(type, fn) listens to server frames of a type; onOpen(fn) hears every (re)connection,
 *    so features resubscribe or rejoin.
 *  - request(frame, replyType) sends a frame with an id and resolves with the reply of that
 *    type (replyTo = id), or rejects with the error frame's problem.
 */
import { APP_ROOT, checkSession, createRealtimeTicket } from './api.js';

const PING_MS = 25_000;
const MAX_BACKOFF_MS = 15_000;
const REQUEST_TIMEOUT_MS = 20_000;

const listeners = new Map();
const openListeners = new Set();
const pending = new Map();
let socket = null;
let wanted = false;
let attempt = 0;
let nextId = 1;
let pingTimer = null;
let retryTimer = null;
let connected = false;
let held = false; // the browser tests' "network down" (window.moimRealtimeTest)

export class FrameError extends Error {
  constructor(problem) {
    super(problem?.detail || problem?.title || 'Request failed');
    this.name = 'FrameError';
    this.problem = problem ?? {};
  }

  /** Last segment of the problem type, e.g. "call-full". */
  get type() {
    const match = /\/problems\/([a-z0-9-]+)$/.exec(this.problem.type ?? '');
    return match ? match[1] : null;
  }
}

/** Opens the socket (once signed in); idempotent. */
export function startRealtime() {
  if (wanted) return;
  wanted = true;
  attempt = 0;
  open();
}

/** Closes it for good (signing out). */
export function stopRealtime() {
  wanted = false;
  clearTimeout(retryTimer);
  const current = socket;
  socket = null;
  connected = false;
  current?.close(1000, 'signed out');
  failPending(new FrameError({ type: '/problems/disconnected', title: 'Disconnected' }));
}

export function isConnected() {
  return connected;
}

/** Listens to server frames of one type; returns the function that stops listening. */
export function on(type, fn) {
  if (!listeners.has(type)) listeners.set(type, new Set());
  listeners.get(type).add(fn);
  return () => listeners.get(type)?.delete(fn);
}

/** Hears every (re)connection; returns the function that stops listening. */
export function onOpen(fn) {
  openListeners.add(fn);
  return () => openListeners.delete(fn);
}

/** Sends a frame now; false when the socket is not open. */
export function send(frame) {
  if (!connected || socket?.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(frame));
  return true;
}

/** Sends a frame with a fresh id and resolves with the reply of this type. */
export function request(frame, replyType) {
  const id = `c${nextId++}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new FrameError({ type: '/problems/timeout', title: 'No answer' }));
    }, REQUEST_TIMEOUT_MS);
    pending.set(id, { replyType, resolve, reject, timer });
    if (!send({ ...frame, id })) {
      clearTimeout(timer);
      pending.delete(id);
      reject(new FrameError({ type: '/problems/disconnected', title: 'Disconnected' }));
    }
  });
}

async function open() {
  if (!wanted || held) return;
  let ticket;
  try {
    ticket = await createRealtimeTicket();
  } catch (err) {
    if (err.sessionEnded) {
      wanted = false;
      return;
    }
    scheduleReconnect();
    return;
  }
  if (!wanted) return;
  const url = new URL(`ws?ticket=${encodeURIComponent(ticket.ticket)}`, APP_ROOT);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url, ticket.protocol || 'moim.v1');
  socket = ws;
  ws.addEventListener('message', (event) => {
    if (ws !== socket) return;
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    received(frame);
  });
  ws.addEventListener('close', (event) => {
    if (ws !== socket) return;
    socket = null;
    connected = false;
    clearInterval(pingTimer);
    failPending(new FrameError({ type: '/problems/disconnected', title: 'Disconnected' }));
    dispatch({ type: 'disconnected', code: event.code });
    if (wanted && event.code !== 4403) scheduleReconnect();
    // Revoked: this tab's session may be over (signed out elsewhere, account deactivated); if so, sign out here.
    if (wanted && event.code === 4403) checkSession();
  });
}

/** A hidden tab is "away" (others see it; direct messages then also notify), a shown one "online". */
function sendPresence() {
  send({ type: 'presence', status: document.visibilityState === 'hidden' ? 'away' : 'online' });
}
document.addEventListener('visibilitychange', sendPresence);

function scheduleReconnect() {
  clearTimeout(retryTimer);
  const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) * (0.75 + Math.random() / 2);
  attempt += 1;
  retryTimer = setTimeout(open, delay);
}

function received(frame) {
  if (frame.type === 'hello') {
    connected = true;
    attempt = 0;
    clearInterval(pingTimer);
    pingTimer = setInterval(() => send({ type: 'ping' }), PING_MS);
    if (document.visibilityState === 'hidden') sendPresence();
    openListeners.forEach((fn) => fn(frame));
    return;
  }
  if (frame.type === 'reauthenticate') {
    createRealtimeTicket()
      .then((ticket) => send({ type: 'authenticate', ticket: ticket.ticket }))
      .catch(() => {
        /* the server closes with 4408 and we reconnect */
      });
    return;
  }
  const waiting = frame.replyTo ? pending.get(frame.replyTo) : null;
  if (waiting) {
    pending.delete(frame.replyTo);
    clearTimeout(waiting.timer);
    if (frame.type === 'error') waiting.reject(new FrameError(frame.problem));
    else if (frame.type === waiting.replyType) waiting.resolve(frame);
    else waiting.reject(new FrameError({ type: '/problems/unexpected', detail: frame.type }));
    return;
  }
  dispatch(frame);
}

function dispatch(frame) {
  listeners.get(frame.type)?.forEach((fn) => {
    try {
      fn(frame);
    } catch (err) {
      console.error(err);
    }
  });
}

/**
 * The hook the browser tests use to take the socket down as a network failure would (it closes;
 * no reconnect happens until release), and to bring it back.
 */
window.moimRealtimeTest = {
  hold() {
    held = true;
    socket?.close(4000, 'test: network down');
  },
  release() {
    held = false;
    clearTimeout(retryTimer);
    attempt = 0;
    open();
  },
  connected: () => connected,
};

function failPending(error) {
  for (const [id, waiting] of pending) {
    clearTimeout(waiting.timer);
    waiting.reject(error);
    pending.delete(id);
  }
}
