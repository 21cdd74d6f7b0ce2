/**
 * One call in this tab: local media, one RTCPeerConnection per other participant (full mesh) and
 * the signaling frames over the real-time socket (docs/calls.md).
 *
 *  - Negotiation is "perfect negotiation" (W3C WebRTC, §10.7): either side may offer at any time;
 *    on a collision the polite peer (the lower peer id) rolls back and takes the other's offer.
 *    To keep collisions rare, the tab that joins offers to everyone already there; the others
 *    answer, reusing the transceivers of the offer for their own tracks.
 *  - Every connection has one audio and one video transceiver. Camera, screen share and device
 *    changes swap the outgoing track with RTCRtpSender.replaceTrack on every connection: no
 *    renegotiation, and the other side keeps receiving on the same track.
 *  - A share ends from the page's button or from the browser's own "stop sharing" (the track's
 *    'ended' event); the camera comes back either way.
 *  - When the socket reconnects, the tab joins again (the server continues its stint within the
 *    grace period) and builds fresh connections to everyone.
 *
 * Emits 'change' whenever anything shown changed, and 'ended' / 'left' / 'error' events.
 */
import { getIceServers } from '../api.js';
import * as realtime from '../realtime.js';

/** Media errors, as keys of the call.media.* messages. */
export const MEDIA = {
  DENIED: 'denied',
  CAMERA_DENIED: 'cameraDenied',
  MIC_DENIED: 'micDenied',
  UNAVAILABLE: 'unavailable',
  INSECURE: 'insecure',
};

const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24 } };

export class CallSession extends EventTarget {
  constructor(channelId) {
    super();
    this.channelId = channelId;
    this.state = 'idle'; // idle → joining → in-call → left | ended
    this.callId = null;
    this.selfPeerId = null;
    this.maxParticipants = null;
    this.iceServers = [];
    this.participants = new Map(); // peerId → {peerId, accountId, displayName, mic, camera, screen, away}
    this.links = new Map(); // peerId → PeerLink
    this.localStream = new MediaStream();
    this.audioTrack = null;
    this.cameraTrack = null;
    this.screenTrack = null;
    this.mic = true;
    this.camera = true;
    this.mediaError = null;
    this.joinStartedAt = null;
    this.declined = [];
    this.lastCameraId = null;
    this.off = [];
  }

  // -------------------------------------------------------------------------------------------
  // Local media

  /** Asks for microphone and camera; what is refused or missing becomes {@link mediaError}. */
  async acquireMedia({ audioDeviceId, videoDeviceId } = {}) {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.mediaError = MEDIA.INSECURE;
      this.changed();
      return;
    }
    const audio = audioDeviceId ? { deviceId: { exact: audioDeviceId } } : true;
    const video = videoDeviceId ? { ...VIDEO, deviceId: { exact: videoDeviceId } } : VIDEO;
    let stream = null;
    let failure = null;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio, video });
    } catch (err) {
      failure = err;
    }
    if (!stream) {
      // One of the two may still work (a blocked camera, a missing microphone).
      const [mic, cam] = await Promise.allSettled([
        navigator.mediaDevices.getUserMedia({ audio }),
        navigator.mediaDevices.getUserMedia({ video }),
      ]);
      stream = new MediaStream([
        ...(mic.status === 'fulfilled' ? mic.value.getTracks() : []),
        ...(cam.status === 'fulfilled' ? cam.value.getTracks() : []),
      ]);
      const denied = (result) => result.status === 'rejected' && isDenial(result.reason);
      if (denied(mic) && denied(cam)) this.mediaError = MEDIA.DENIED;
      else if (denied(cam)) this.mediaError = MEDIA.CAMERA_DENIED;
      else if (denied(mic)) this.mediaError = MEDIA.MIC_DENIED;
      else if (!stream.getTracks().length) this.mediaError = isDenial(failure) ? MEDIA.DENIED : MEDIA.UNAVAILABLE;
      else this.mediaError = null;
    } else {
      this.mediaError = null;
    }
    this.setAudioTrack(stream.getAudioTracks()[0] ?? null);
    this.setCameraTrack(stream.getVideoTracks()[0] ?? null);
    this.changed();
  }

  /** Devices to choose from (labels only once permission was given). */
  async devices() {
    if (!navigator.mediaDevices?.enumerateDevices) return [];
    try {
      return await navigator.mediaDevices.enumerateDevices();
    } catch {
      return [];
    }
  }

  async selectMicrophone(deviceId) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: deviceId } } });
    this.setAudioTrack(stream.getAudioTracks()[0]);
    this.changed();
  }

  async selectCamera(deviceId) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { ...VIDEO, deviceId: { exact: deviceId } } });
    this.setCameraTrack(stream.getVideoTracks()[0]);
    this.camera = true;
    this.changed();
    this.sendMediaState();
  }

  setAudioTrack(track) {
    const old = this.audioTrack;
    if (old) {
      this.localStream.removeTrack(old);
      old.stop();
    }
    this.audioTrack = track;
    if (track) {
      track.enabled = this.mic;
      this.localStream.addTrack(track);
    } else {
      this.mic = false;
    }
    this.links.forEach((link) => link.sendAudio(track));
  }

  setCameraTrack(track) {
    const old = this.cameraTrack;
    if (old) {
      this.localStream.removeTrack(old);
      old.stop();
    }
    this.cameraTrack = track;
    if (track) {
      this.lastCameraId = track.getSettings?.().deviceId ?? this.lastCameraId;
      this.localStream.addTrack(track);
    } else {
      this.camera = false;
    }
    if (!this.screenTrack) this.links.forEach((link) => link.sendVideo(this.outgoingVideo()));
  }

  /** What goes out as video: the screen while sharing, else the camera when it is on. */
  outgoingVideo() {
    return this.screenTrack ?? (this.camera ? this.cameraTrack : null);
  }

  toggleMic() {
    if (!this.audioTrack) return;
    this.mic = !this.mic;
    this.audioTrack.enabled = this.mic;
    this.changed();
    this.sendMediaState();
  }

  async toggleCamera() {
    if (this.camera) {
      // Off means off: the camera is released (its light goes out), peers get no video.
      this.camera = false;
      this.setCameraTrack(null);
    } else {
      const deviceId = this.lastCameraId;
      const stream = await navigator.mediaDevices.getUserMedia({ video: deviceId ? { ...VIDEO, deviceId: { ideal: deviceId } } : VIDEO });
      this.camera = true;
      this.setCameraTrack(stream.getVideoTracks()[0]);
    }
    this.changed();
    this.sendMediaState();
  }

  get canShareScreen() {
    return Boolean(navigator.mediaDevices?.getDisplayMedia);
  }

  async toggleScreen() {
    if (this.screenTrack) {
      this.stopScreenShare();
      return;
    }
    const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = display.getVideoTracks()[0];
    if (!track) return;
    // The browser's own "Stop sharing" ends the track without our button.
    track.addEventListener('ended', () => {
      if (this.screenTrack === track) this.stopScreenShare();
    });
    this.screenTrack = track;
    await Promise.all([...this.links.values()].map((link) => link.sendVideo(track)));
    this.changed();
    this.sendMediaState();
  }

  stopScreenShare() {
    const track = this.screenTrack;
    if (!track) return;
    this.screenTrack = null;
    track.stop();
    this.links.forEach((link) => link.sendVideo(this.outgoingVideo()));
    this.changed();
    this.sendMediaState();
  }

  // -------------------------------------------------------------------------------------------
  // Joining and leaving

  /** Starts a call in the channel (joins the one running there, if any). */
  start() {
    return this.enter({ type: 'call-start', channelId: this.channelId });
  }

  /** Joins a running call; accepting=true when answering its ring. */
  join(callId, { accepting = false } = {}) {
    return this.enter({ type: accepting ? 'call-accept' : 'call-join', callId });
  }

  async enter(frame) {
    this.state = 'joining';
    this.joinStartedAt = performance.now();
    this.changed();
    try {
      const servers = await getIceServers().catch(() => ({ iceServers: [] }));
      this.iceServers = servers.iceServers ?? [];
      this.listen();
      const reply = await realtime.request(frame, 'call-joined');
      this.joined(reply.call, { offer: true });
    } catch (err) {
      this.state = 'idle';
      this.unlisten();
      this.changed();
      throw err;
    }
  }

  /** The server's view of the call after joining: connect to everyone there. */
  joined(call, { offer }) {
    this.callId = call.id;
    this.selfPeerId = call.self;
    this.maxParticipants = call.maxParticipants;
    this.state = 'in-call';
    this.links.forEach((link) => link.close());
    this.links.clear();
    this.participants.clear();
    for (const p of call.participants) {
      if (p.peerId === this.selfPeerId) continue;
      this.participants.set(p.peerId, p);
      if (offer) this.link(p.peerId, { initiator: true });
    }
    this.sendMediaState();
    this.changed();
  }

  async leave() {
    if (this.state !== 'in-call' && this.state !== 'joining') {
      this.dispose();
      return;
    }
    const callId = this.callId;
    this.state = 'left';
    try {
      if (callId) await realtime.request({ type: 'call-leave', callId }, 'call-left');
    } catch {
      /* gone already: the server settles it */
    }
    this.dispose();
    this.dispatchEvent(new Event('left'));
  }

  /** Releases everything: connections, camera, microphone, screen. */
  dispose() {
    this.unlisten();
    this.links.forEach((link) => link.close());
    this.links.clear();
    this.screenTrack?.stop();
    this.screenTrack = null;
    this.audioTrack?.stop();
    this.cameraTrack?.stop();
    this.changed();
  }

  // -------------------------------------------------------------------------------------------
  // Signaling

  listen() {
    if (this.off.length) return;
    const mine = (handler) => (frame) => {
      if (frame.callId === this.callId && this.state === 'in-call') handler(frame);
    };
    this.off = [
      realtime.on('call-participant-joined', mine((f) => this.participantJoined(f.participant))),
      realtime.on('call-participant-left', mine((f) => this.participantLeft(f.peerId))),
      realtime.on('call-participant-away', mine((f) => this.update(f.peerId, { away: true }))),
      realtime.on('media-state', mine((f) => this.update(f.peerId, { mic: f.mic, camera: f.camera, screen: f.screen }))),
      realtime.on('call-declined', mine((f) => {
        this.declined.push(f.displayName || f.accountId);
        this.changed();
      })),
      realtime.on('offer', mine((f) => this.linkFor(f.from, f.fromAccountId).receive(f.description))),
      realtime.on('answer', mine((f) => this.links.get(f.from)?.receive(f.description))),
      realtime.on('ice', mine((f) => this.links.get(f.from)?.candidate(f.candidate))),
      realtime.on('call-left', mine((f) => {
        if (f.peerId === this.selfPeerId) this.endLocally('left', f.reason);
      })),
      realtime.on('call-ended', (f) => {
        if (f.callId === this.callId && (this.state === 'in-call' || this.state === 'joining')) this.endLocally('ended');
      }),
      realtime.on('disconnected', () => {
        if (this.state === 'in-call') this.changed();
      }),
      realtime.onOpen(() => this.rejoin()),
    ];
  }

  unlisten() {
    this.off.forEach((off) => off());
    this.off = [];
  }

  /** After the socket came back: continue the stint through the new connection. */
  async rejoin() {
    if (this.state !== 'in-call' || !this.callId) return;
    try {
      const reply = await realtime.request({ type: 'call-join', callId: this.callId }, 'call-joined');
      this.joined(reply.call, { offer: true });
    } catch (err) {
      this.endLocally(err.type === 'call-ended' ? 'ended' : 'left', err.type);
    }
  }

  endLocally(state, reason) {
    this.state = state;
    this.reason = reason ?? null;
    this.dispose();
    this.dispatchEvent(new Event(state));
  }

  participantJoined(participant) {
    // The same person through a new tab replaces their old one.
    for (const [peerId, p] of this.participants) {
      if (p.accountId === participant.accountId && peerId !== participant.peerId) this.participantLeft(peerId);
    }
    this.participants.set(participant.peerId, participant);
    // The newcomer offers; this side answers (see the top of this file).
    this.linkFor(participant.peerId, participant.accountId);
    this.changed();
  }

  participantLeft(peerId) {
    this.participants.delete(peerId);
    this.links.get(peerId)?.close();
    this.links.delete(peerId);
    this.changed();
  }

  update(peerId, fields) {
    const p = this.participants.get(peerId);
    if (!p) return;
    Object.assign(p, fields);
    this.changed();
  }

  link(peerId, { initiator }) {
    const link = new PeerLink(this, peerId, { initiator });
    this.links.set(peerId, link);
    return link;
  }

  linkFor(peerId, accountId) {
    if (!this.participants.has(peerId)) {
      this.participants.set(peerId, { peerId, accountId, displayName: null, mic: true, camera: true, screen: false, away: false });
    }
    return this.links.get(peerId) ?? this.link(peerId, { initiator: false });
  }

  signal(type, to, payload) {
    realtime.send({ type, callId: this.callId, to, ...payload });
  }

  sendMediaState() {
    if (this.state !== 'in-call') return;
    realtime.send({ type: 'media-state', callId: this.callId, mic: this.mic && Boolean(this.audioTrack), camera: Boolean(this.camera && this.cameraTrack), screen: Boolean(this.screenTrack) });
  }

  changed() {
    this.dispatchEvent(new Event('change'));
  }

  // -------------------------------------------------------------------------------------------
  // Measurements (the browser test reads them through window.moimCallTest)

  async stats() {
    const result = [];
    for (const [peerId, link] of this.links) {
      const counts = { audioBytes: 0, videoBytes: 0, framesDecoded: 0 };
      const report = await link.pc.getStats();
      report.forEach((s) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'audio') counts.audioBytes += s.bytesReceived ?? 0;
        if (s.kind === 'video') {
          counts.videoBytes += s.bytesReceived ?? 0;
          counts.framesDecoded += s.framesDecoded ?? 0;
        }
      });
      result.push({
        peerId,
        accountId: this.participants.get(peerId)?.accountId ?? null,
        connectionState: link.pc.connectionState,
        sendingVideo: link.video?.sender.track?.label ?? null,
        connectMs: link.connectedAt == null || this.joinStartedAt == null ? null : Math.round(link.connectedAt - this.joinStartedAt),
        ...counts,
      });
    }
    return result;
  }
}

function isDenial(err) {
  return err?.name === 'NotAllowedError' || err?.name === 'SecurityError';
}

/** The connection to one other tab in the call. */
class PeerLink {
  constructor(session, peerId, { initiator }) {
    this.session = session;
    this.peerId = peerId;
    this.polite = session.selfPeerId < peerId;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.settingRemoteAnswer = false;
    this.queue = Promise.resolve();
    this.stream = new MediaStream();
    this.connectedAt = null;
    this.audio = null;
    this.video = null;

    const pc = new RTCPeerConnection({ iceServers: session.iceServers });
    this.pc = pc;
    pc.addEventListener('track', ({ track }) => {
      this.stream.addTrack(track);
      session.changed();
    });
    pc.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate) session.signal('ice', peerId, { candidate: candidate.toJSON() });
    });
    pc.addEventListener('negotiationneeded', () => this.offer());
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'connected' && this.connectedAt == null) this.connectedAt = performance.now();
      if (pc.connectionState === 'failed' && !this.polite) pc.restartIce();
      session.changed();
    });
    if (initiator) {
      this.audio = pc.addTransceiver(session.audioTrack ?? 'audio', { direction: 'sendrecv', streams: [session.localStream] });
      this.video = pc.addTransceiver(session.outgoingVideo() ?? 'video', { direction: 'sendrecv', streams: [session.localStream] });
    }
  }

  async offer() {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.session.signal(this.pc.localDescription.type, this.peerId, { description: this.pc.localDescription.toJSON() });
    } catch (err) {
      console.warn('[call] offer failed', err);
    } finally {
      this.makingOffer = false;
    }
  }

  /** An offer or answer from the other side, in order with its candidates. */
  receive(description) {
    this.queue = this.queue.then(() => this.apply(description)).catch((err) => console.warn('[call] negotiation failed', err));
  }

  async apply(description) {
    const pc = this.pc;
    if (pc.signalingState === 'closed') return;
    const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) return;
    this.settingRemoteAnswer = description.type === 'answer';
    await pc.setRemoteDescription(description);
    this.settingRemoteAnswer = false;
    if (description.type === 'offer') {
      await this.adoptTransceivers();
      await pc.setLocalDescription();
      this.session.signal('answer', this.peerId, { description: pc.localDescription.toJSON() });
    }
  }

  /** On the answering side: send our tracks on the offer's audio and video transceivers. */
  async adoptTransceivers() {
    const swaps = [];
    for (const transceiver of this.pc.getTransceivers()) {
      const kind = transceiver.receiver.track.kind;
      if (kind === 'audio' && !this.audio) this.audio = transceiver;
      else if (kind === 'video' && !this.video) this.video = transceiver;
      else continue;
      transceiver.direction = 'sendrecv';
      transceiver.sender.setStreams?.(this.session.localStream);
      swaps.push(transceiver.sender.replaceTrack(kind === 'audio' ? this.session.audioTrack : this.session.outgoingVideo()));
    }
    await Promise.all(swaps);
  }

  candidate(candidate) {
    this.queue = this.queue
      .then(async () => {
        try {
          await this.pc.addIceCandidate(candidate ?? undefined);
        } catch (err) {
          if (!this.ignoreOffer) throw err;
        }
      })
      .catch((err) => console.warn('[call] candidate refused', err));
  }

  sendAudio(track) {
    return this.audio?.sender.replaceTrack(track) ?? Promise.resolve();
  }

  sendVideo(track) {
    return this.video?.sender.replaceTrack(track) ?? Promise.resolve();
  }

  close() {
    this.pc.close();
    this.stream.getTracks().forEach((track) => track.stop());
  }
}
