/**
 * The call screen (#/call/<channelId>): a lobby with a preview and device choice, then the
 * participant grid with each connection's state and the controls (microphone, camera, screen
 * share, devices, leave). It shows what a CallSession holds and re-renders on its 'change'.
 */
import { listChannelCalls } from '../api.js';
import { bind, setPageTitle, t, tx } from '../i18n.js';
import { h, initialOf, withBusy } from '../dom.js';
import { getMe } from '../store.js';
import { CallSession } from './session.js';

const PROBLEM_MESSAGES = {
  'call-full': 'call.error.full',
  'plan-limit': 'call.error.planLimit',
  'call-ended': 'call.error.ended',
  'not-found': 'call.error.notFound',
};

/**
 * @param {HTMLElement} container
 * @param {{channelId: string, join?: {callId: string|null, accepting: boolean, lobbyWithoutMedia: boolean},
 *          onClose: () => void,
 *          onSession: (session: CallSession|null) => void}} options
 * @returns {() => void} cleanup (leaves the call)
 */
export function renderCallScreen(container, { channelId, join, onClose, onSession }) {
  const session = new CallSession(channelId);
  onSession(session);
  setPageTitle('call.title');

  const status = h('p', { class: 'call-status', testid: 'call-status', 'aria-live': 'polite' });
  const mediaError = h('p', { class: 'call-alert', role: 'alert', testid: 'call-media-error', hidden: true });
  const notice = h('p', { class: 'call-notice', role: 'status', testid: 'call-notice', hidden: true });
  const grid = h('div', { class: 'call-grid', testid: 'call-grid' });
  const selfTile = tile({ self: true });
  selfTile.video.srcObject = session.localStream;
  grid.append(selfTile.root);

  const joinButton = h('button', { type: 'button', class: 'btn btn-primary call-join', testid: 'call-join' });
  const lobbyInfo = h('p', { class: 'call-lobby-info', testid: 'call-lobby-info' });
  const lobby = h('div', { class: 'call-lobby', testid: 'call-lobby' }, lobbyInfo, joinButton);

  const micButton = control('call-toggle-mic', () => session.toggleMic());
  const cameraButton = control('call-toggle-camera', () =>
    session.toggleCamera().catch((err) => showNotice(tx(err?.name === 'NotAllowedError' ? 'call.media.cameraDenied' : 'call.device.failed'))),
  );
  const screenButton = control('call-toggle-screen', () => shareScreen());
  const devicesButton = control('call-toggle-devices', () => toggleDevices());
  devicesButton.setAttribute('aria-expanded', 'false');
  bind(devicesButton.querySelector('.call-control-label'), { text: tx('call.devices') });
  const leaveButton = h('button', { type: 'button', class: 'btn call-leave', testid: 'call-leave', i18n: 'call.leave' });
  leaveButton.addEventListener('click', () => withBusy(leaveButton, () => session.leave()));
  const controls = h('div', { class: 'call-controls', role: 'toolbar', i18nAttrs: { 'aria-label': 'call.controls' } },
    micButton, cameraButton, screenButton, devicesButton, leaveButton);

  const micSelect = h('select', { class: 'select', testid: 'call-device-mic' });
  const cameraSelect = h('select', { class: 'select', testid: 'call-device-camera' });
  const speakerSelect = h('select', { class: 'select', testid: 'call-device-speaker' });
  const devices = h(
    'div',
    { class: 'call-devices', testid: 'call-devices', hidden: true },
    deviceField('call.device.microphone', micSelect),
    deviceField('call.device.camera', cameraSelect),
    deviceField('call.device.speaker', speakerSelect),
  );
  micSelect.addEventListener('change', () => session.selectMicrophone(micSelect.value).catch(() => showNotice(tx('call.device.failed'))));
  cameraSelect.addEventListener('change', () => session.selectCamera(cameraSelect.value).catch(() => showNotice(tx('call.device.failed'))));
  speakerSelect.addEventListener('change', () => applySpeaker());

  const back = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'call-back', i18n: 'call.back', hidden: true });
  back.addEventListener('click', () => onClose());

  const title = h('h1', { class: 'call-title', i18n: 'call.title' });
  const count = h('span', { class: 'call-count', testid: 'call-count' });
  const root = h(
    'section',
    { class: 'call-screen', testid: 'call-screen', 'aria-labelledby': 'call-title' },
    h('header', { class: 'call-header' }, title, count, status),
    mediaError,
    notice,
    grid,
    lobby,
    devices,
    controls,
    back,
  );
  title.id = 'call-title';
  container.replaceChildren(root);

  const tiles = new Map(); // peerId → tile
  let running = null; // the running call found in the lobby, if any
  let noticeProducer = null;

  // -------------------------------------------------------------------------------------------

  function render() {
    const state = session.state;
    root.dataset.callState = state;
    lobby.hidden = state !== 'idle' && state !== 'joining';
    controls.hidden = state !== 'in-call';
    back.hidden = state !== 'ended' && state !== 'left';
    joinButton.disabled = state === 'joining';
    bind(joinButton, { text: running ? tx('call.join') : tx('call.start') });
    bind(lobbyInfo, {
      text: running ? tx('call.running', { count: running.participants }) : tx('call.none'),
    });
    bind(status, { text: () => statusText(state) });
    const people = session.participants.size + 1;
    bind(count, {
      text: () => (state === 'in-call' ? t('call.count', { people, max: session.maxParticipants ?? '–' }) : ''),
    });

    if (session.mediaError) {
      mediaError.hidden = false;
      bind(mediaError, { text: tx(`call.media.${session.mediaError}`) });
    } else {
      mediaError.hidden = true;
    }
    if (noticeProducer) {
      notice.hidden = false;
      bind(notice, { text: noticeProducer });
    } else {
      notice.hidden = true;
    }

    toggleState(micButton, session.mic && Boolean(session.audioTrack), 'call.mic.mute', 'call.mic.unmute', !session.audioTrack);
    toggleState(cameraButton, session.camera && Boolean(session.cameraTrack), 'call.camera.off', 'call.camera.on', false);
    toggleState(screenButton, Boolean(session.screenTrack), 'call.screen.stop', 'call.screen.start', !session.canShareScreen);

    selfTile.update({
      name: getMe()?.displayName ?? '',
      mic: session.mic && Boolean(session.audioTrack),
      camera: Boolean(session.screenTrack) || (session.camera && Boolean(session.cameraTrack)),
      screen: Boolean(session.screenTrack),
      state: null,
    });
    if (selfTile.showing !== (session.screenTrack ?? session.localStream)) {
      selfTile.showing = session.screenTrack ?? session.localStream;
      selfTile.video.srcObject = session.screenTrack ? new MediaStream([session.screenTrack]) : session.localStream;
    }

    for (const [peerId, view] of tiles) {
      if (!session.participants.has(peerId)) {
        view.root.remove();
        tiles.delete(peerId);
      }
    }
    for (const [peerId, participant] of session.participants) {
      let view = tiles.get(peerId);
      if (!view) {
        view = tile({ self: false });
        view.root.dataset.peerId = peerId;
        view.root.dataset.accountId = participant.accountId;
        tiles.set(peerId, view);
        grid.append(view.root);
      }
      const link = session.links.get(peerId);
      if (link && view.video.srcObject !== link.stream) {
        view.video.srcObject = link.stream;
        applySpeaker();
      }
      view.update({
        name: participant.displayName ?? '',
        mic: participant.mic,
        camera: participant.camera || participant.screen,
        screen: participant.screen,
        state: participant.away ? 'away' : link?.pc.connectionState ?? 'new',
      });
    }
    grid.dataset.count = String(tiles.size + 1);
  }

  function statusText(state) {
    switch (state) {
      case 'joining':
        return t('call.joining');
      case 'in-call':
        return session.declined.length ? t('call.declined', { name: session.declined.join(', ') }) : t('call.inCall');
      case 'ended':
        return t('call.ended');
      case 'left':
        return t(session.reason === 'moved' ? 'call.moved' : session.reason === 'removed' ? 'call.removed' : 'call.left');
      default:
        return '';
    }
  }

  function showNotice(producer) {
    noticeProducer = producer;
    render();
  }

  async function enter(action) {
    noticeProducer = null;
    try {
      await action();
    } catch (err) {
      const key = PROBLEM_MESSAGES[err.type] ?? 'call.error.generic';
      showNotice(tx(key));
    }
  }

  async function shareScreen() {
    try {
      await session.toggleScreen();
    } catch (err) {
      if (err?.name !== 'NotAllowedError' && err?.name !== 'AbortError') showNotice(tx('call.screen.failed'));
    }
  }

  async function toggleDevices() {
    devices.hidden = !devices.hidden;
    devicesButton.setAttribute('aria-expanded', String(!devices.hidden));
    if (!devices.hidden) await fillDevices();
  }

  async function fillDevices() {
    const list = await session.devices();
    const fill = (select, kind, current) => {
      const options = list.filter((d) => d.kind === kind);
      select.replaceChildren(
        ...options.map((d, i) => h('option', { value: d.deviceId, text: d.label || t('call.device.unnamed', { n: i + 1 }) })),
      );
      select.disabled = !options.length;
      if (current) select.value = current;
    };
    fill(micSelect, 'audioinput', session.audioTrack?.getSettings?.().deviceId);
    fill(cameraSelect, 'videoinput', session.cameraTrack?.getSettings?.().deviceId);
    fill(speakerSelect, 'audiooutput', null);
    speakerSelect.closest('.field').hidden = !('setSinkId' in HTMLMediaElement.prototype) || !speakerSelect.options.length;
  }

  function applySpeaker() {
    const sink = speakerSelect.value;
    if (!sink || !('setSinkId' in HTMLMediaElement.prototype)) return;
    tiles.forEach((view) => view.video.setSinkId(sink).catch(() => {}));
  }

  joinButton.addEventListener('click', () =>
    withBusy(joinButton, () => enter(() => (running ? session.join(running.id) : session.start()))),
  );
  session.addEventListener('change', render);
  session.addEventListener('ended', () => {
    noticeProducer = null;
    render();
  });

  // -------------------------------------------------------------------------------------------
  // Boot: media first (the browser asks), then what runs in the channel, then join if asked to.

  let disposed = false;
  (async () => {
    render();
    await session.acquireMedia();
    if (disposed) return;
    // From a header's button straight in, unless there is nothing to send: then the lobby says why first.
    const nothingToSend = !session.audioTrack && !session.cameraTrack;
    if (join && !(join.lobbyWithoutMedia && nothingToSend)) {
      await enter(() => (join.callId ? session.join(join.callId, { accepting: join.accepting }) : session.start()));
      return;
    }
    try {
      const page = await listChannelCalls(channelId, 1);
      const live = page.items?.find((c) => c.endedAt == null);
      running = live
        ? { id: live.id, participants: live.participants.filter((p) => p.leftAt == null).length }
        : null;
    } catch (err) {
      if (err.status === 404) showNotice(tx('call.error.notFound'));
    }
    if (!disposed) render();
  })();

  return () => {
    disposed = true;
    session.removeEventListener('change', render);
    session.leave();
    onSession(null);
  };
}

function control(testid, action) {
  const button = h('button', { type: 'button', class: 'btn btn-secondary call-control', testid }, h('span', { class: 'call-control-label' }));
  button.addEventListener('click', () => withBusy(button, action));
  return button;
}

/** Sets a toggle's state (data-on, for looks and tests) and its label: what clicking does next. */
function toggleState(button, on, onLabel, offLabel, unavailable) {
  button.dataset.on = String(on);
  button.disabled = unavailable;
  bind(button.querySelector('.call-control-label'), { text: tx(on ? onLabel : offLabel) });
}

function deviceField(labelKey, select) {
  const id = `${select.dataset.testid}-field`;
  select.id = id;
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: id, i18n: labelKey }), select);
}

/** One person in the grid: their video (or initial), name, connection state and indicators. */
function tile({ self }) {
  const video = h('video', { class: 'call-video', autoplay: true, playsinline: true });
  video.muted = self;
  const initial = h('span', { class: 'call-initial', 'aria-hidden': 'true' });
  const name = h('span', { class: 'call-name', testid: 'call-tile-name' });
  const state = h('span', { class: 'call-peer-state', testid: 'call-peer-state' });
  const indicators = h('span', { class: 'call-indicators' });
  const root = h(
    'figure',
    { class: `call-tile${self ? ' call-tile-self' : ''}`, testid: self ? 'call-tile-self' : 'call-tile' },
    video,
    initial,
    h('figcaption', { class: 'call-caption' }, name, indicators, state),
  );
  return {
    root,
    video,
    update({ name: displayName, mic, camera, screen, state: connection }) {
      bind(name, { text: self ? () => t('call.you', { name: displayName }) : () => displayName });
      initial.textContent = initialOf(displayName);
      root.dataset.camera = String(camera);
      root.dataset.connectionState = connection ?? '';
      state.hidden = !connection;
      if (connection) bind(state, { text: tx(`call.state.${connection}`) });
      indicators.replaceChildren(
        ...(mic ? [] : [indicator('call.indicator.muted', 'muted')]),
        ...(camera ? [] : [indicator('call.indicator.cameraOff', 'camera-off')]),
        ...(screen ? [indicator('call.indicator.sharing', 'sharing')] : []),
      );
    },
  };
}

function indicator(key, kind) {
  return h('span', { class: `call-indicator call-indicator-${kind}`, testid: `call-indicator-${kind}`, i18n: key });
}
