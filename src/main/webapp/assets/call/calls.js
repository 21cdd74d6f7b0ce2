/**
 * Calls in the signed-in app: opens the tab's real-time socket, shows incoming rings on every
 * tab (accept / decline; they stop when answered elsewhere or when the call ends), and shows the
 * call screen over the app while the route is #/call/<channelId>. Leaving the route leaves the
 * call.
 *
 * window.moimCallTest is the hook the browser tests read (peer connection states, inbound RTP
 * byte counts, time to connect) and use to press the browser's own "stop sharing".
 */
import { h } from '../dom.js';
import { bind, tx } from '../i18n.js';
import * as realtime from '../realtime.js';
import { renderCallScreen } from './screen.js';

const RING_MS = 45_000;
const ROUTE = /^#\/call\/([^/?]+)(?:\?(.*))?$/;

let started = false;
let overlay = null; // {channelId, element, cleanup}
let session = null;
let pendingJoin = null; // {channelId, callId, accepting}
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
    },
  });
  overlay = { channelId, element, cleanup };
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
    pendingJoin = { channelId: call.channelId, callId: call.id, accepting: true };
    const target = `#/call/${encodeURIComponent(call.channelId)}`;
    if (location.hash === target) {
      closeOverlay();
      route();
    } else {
      location.hash = target;
    }
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
