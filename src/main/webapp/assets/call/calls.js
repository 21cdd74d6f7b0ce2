/**
 * Calls in the signed-in app: opens the tab's real-time socket, shows incoming rings on every
 * tab (accept / decline; they stop when answered elsewhere or when the call ends), and shows the
 * call screen over the app while the route is #/call/<channelId>. Leaving the route leaves the
 * call. openCall() is how the conversation headers (call-header.js) start or join a call.
 *
 * window.moimCallTest is the hook the browser tests read (peer connection states, inbound RTP
 * byte counts, time to connect) and use to press the browser's own "stop sharing".
 */
import { h } from '../dom.js';
import { bind, tx } from '../i18n.js';
import * as realtime from '../realtime.js';
import { refreshChannelCall } from './channel-calls.js';
import { renderCallScreen } from './screen.js';

const RING_MS = 45_000;
const ROUTE = /^#\/call\/([^/?]+)(?:\?(.*))?$/;

let started = false;
let overlay = null; // {channelId, element, cleanup}
let session = null;
let pendingJoin = null; // {channelId, callId (null: start), accepting, lobbyWithoutMedia}
let offs = [];
const rings = new Map(); // callId → {element, timer}

/** Once signed in. */
export function startCalls() {
  if (started) return;
  started = true;
  ensureStyles();
  realtime.startRealtime();
  offs = [
    realtime.on('call-ring', (frame) => ring(frame.call)),
    realtime.on('call-ring-stopped', (frame) => stopRinging(frame.callId)),
    realtime.on('call-ended', (frame) => stopRinging(frame.callId)),
  ];
  window.addEventListener('hashchange', route);
  route();
}

/**
 * Opens the channel's call screen and starts a call there, or with {@code callId} joins the
 * running one (answering its ring, if this tab rings for it). Without a camera or microphone to
 * send, the screen stops at its lobby first, which says why and still offers to go in.
 */
export function openCall(channelId, { callId = null } = {}) {
  const accepting = Boolean(callId && rings.has(callId));
  if (accepting) stopRinging(callId);
  go({ channelId, callId, accepting, lobbyWithoutMedia: true });
}

function go(join) {
  pendingJoin = join;
  const target = `#/call/${encodeURIComponent(join.channelId)}`;
  if (location.hash === target) {
    closeOverlay();
    route();
  } else {
    location.hash = target;
  }
}

/** When signing out. */
export function stopCalls() {
  if (!started) return;
  started = false;
  offs.forEach((off) => off());
  offs = [];
  window.removeEventListener('hashchange', route);
  [...rings.keys()].forEach(stopRinging);
  closeOverlay();
  realtime.stopRealtime();
}

function route() {
  const match = ROUTE.exec(location.hash);
  if (!match) {
    closeOverlay();
    return;
  }
  const channelId = decodeURIComponent(match[1]);
  if (overlay?.channelId === channelId) return;
  closeOverlay();
  const join = pendingJoin?.channelId === channelId ? pendingJoin : null;
  pendingJoin = null;
  const element = h('div', { class: 'call-overlay', testid: 'call-overlay' });
  document.body.append(element);
  document.body.classList.add('in-call');
  const cleanup = renderCallScreen(element, {
    channelId,
    join,
    onClose: () => {
      if (history.length > 1) history.back();
      else location.hash = '#/';
    },
    onSession: (current) => {
      session = current;
      watchSession(channelId, current);
    },
  });
  overlay = { channelId, element, cleanup };
}

/** This tab joining or leaving changes who the conversation headers show in the call. */
function watchSession(channelId, current) {
  if (!current) {
    refreshChannelCall(channelId);
    return;
  }
  let state = current.state;
  current.addEventListener('change', () => {
    if (current.state === state) return;
    state = current.state;
    if (state === 'in-call' || state === 'left' || state === 'ended') refreshChannelCall(channelId);
  });
}

function closeOverlay() {
  if (!overlay) return;
  const { element, cleanup } = overlay;
  overlay = null;
  cleanup();
  element.remove();
  document.body.classList.remove('in-call');
}

// ---------------------------------------------------------------------------------------------
// Ringing

function ring(call) {
  if (rings.has(call.id) || session?.callId === call.id) return;
  const accept = h('button', { type: 'button', class: 'btn btn-primary', testid: 'call-ring-accept', i18n: 'call.ring.accept' });
  const decline = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'call-ring-decline', i18n: 'call.ring.decline' });
  const text = h('p', { class: 'call-ring-text', testid: 'call-ring-text' });
  bind(text, { text: tx('call.ring.from', { name: call.startedByName || '?' }) });
  const element = h(
    'div',
    { class: 'call-ring', role: 'alertdialog', testid: 'call-ring-dialog', dataset: { callId: call.id }, i18nAttrs: { 'aria-label': 'call.ring.title' } },
    text,
    h('div', { class: 'call-ring-actions' }, decline, accept),
  );
  accept.addEventListener('click', () => {
    stopRinging(call.id);
    go({ channelId: call.channelId, callId: call.id, accepting: true, lobbyWithoutMedia: false });
  });
  decline.addEventListener('click', () => {
    stopRinging(call.id);
    realtime.send({ type: 'call-decline', callId: call.id });
  });
  document.body.append(element);
  accept.focus({ preventScroll: true });
  rings.set(call.id, { element, timer: setTimeout(() => stopRinging(call.id), RING_MS) });
}

function stopRinging(callId) {
  const ringing = rings.get(callId);
  if (!ringing) return;
  rings.delete(callId);
  clearTimeout(ringing.timer);
  ringing.element.remove();
}

// ---------------------------------------------------------------------------------------------

function ensureStyles() {
  if (document.querySelector('link[data-call-styles]')) return;
  const link = h('link', { rel: 'stylesheet', href: new URL('./call.css', import.meta.url).href, 'data-call-styles': '' });
  document.head.append(link);
}

window.moimCallTest = {
  state: () => session?.state ?? null,
  callId: () => session?.callId ?? null,
  stats: () => session?.stats() ?? Promise.resolve([]),
  /** Fires the screen track's 'ended', as the browser's own "Stop sharing" button does. */
  endScreenShareFromBrowser: () => {
    const track = session?.screenTrack;
    if (!track) return false;
    track.stop();
    track.dispatchEvent(new Event('ended'));
    return true;
  },
  sendingScreen: () => Boolean(session?.screenTrack),
};
