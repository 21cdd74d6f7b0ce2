/**
 * Files and voice in a conversation (docs/chat.md, Files; docs/files.md): the composer's attach
 * and record buttons, dropping files on the panel and pasting an image, each upload's progress
 * with a cancel button, and a message's attachments as thumbnails, file cards and players.
 *
 * - Files are uploaded into the channel (`target=channel:<id>`) before the message is sent; the
 *   message then names them in `attachments`. A refusal (size, plan, quota, a broken-off upload)
 *   stays in the composer with the server's reason; nothing is sent.
 * - A voice message is recorded with MediaRecorder, uploaded, its conversion asked for
 *   (POST /files/{id}/conversion), and sent at once: the conversation shows "Converting…" until
 *   the file says `ready`, then a player (GET /files/{id}/playback), or that it failed.
 * - Content needs the bearer token: thumbnails, images, audio and downloads are fetched and shown
 *   through blob: URLs, revoked when the panel closes.
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { openDialog, statusLine } from '../views/ui.js';
import { describeUploadError, formatBytes, safeFileName } from '../views/files.js';
import { describeError } from '../forms.js';

/** Image types every current browser shows in an <img>. */
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif']);
/** What a recording is stored as (sniffed): only these may have a conversion. */
const RECORDINGS = new Set(['audio/webm', 'video/webm', 'audio/ogg', 'audio/wav', 'audio/x-wav', 'audio/flac', 'video/x-matroska', 'audio/x-matroska']);
const POLL_MS = 1500;
const POLL_LIMIT = 200;

let seq = 0;

/** The best recording format this browser offers (WebM/Opus first), or null. */
function recordingType() {
  const candidates = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'];
  return candidates.find((type) => window.MediaRecorder?.isTypeSupported?.(type)) ?? null;
}

/** The names a message shows when its text only stands for its files (the text is required). */
export function attachmentsText(names) {
  return names.join(', ');
}

/**
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {string} o.channelId
 * @param {HTMLElement} o.dropTarget where files may be dropped (the panel)
 * @param {HTMLTextAreaElement} o.input where an image may be pasted
 * @param {(files: {id: string, name: string}[]) => void} o.sendVoice sends a recorded message at once
 */
export function chatAttachments({ chat, channelId, dropTarget, input, sendVoice }) {
  const id = `chat-files-${++seq}`;
  let alive = true;
  const uploads = []; // {file, name, state: 'uploading'|'done'|'failed', stored, abort, row}
  const blobs = new Map(); // "fileId/what" → Promise<url>
  const shown = new Map(); // message id → element
  const timers = new Set();

  // ----------------------------------------------------------------- composer
  const fileInput = h('input', { type: 'file', multiple: true, id: `${id}-input`, class: 'sr-only', testid: 'chat-file-input', tabindex: '-1' });
  const attachButton = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon chat-tool', testid: 'chat-attach' }, icon('paperclip'));
  bind(attachButton, { attrs: { 'aria-label': tx('chatFiles.attach'), title: tx('chatFiles.attach') } });
  bind(fileInput, { attrs: { 'aria-label': tx('chatFiles.attach') } });
  attachButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    addFiles(fileInput.files);
    fileInput.value = '';
  });

  const recordButton = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon chat-tool', testid: 'chat-record', 'aria-pressed': 'false' }, icon('mic'));
  bind(recordButton, { attrs: { 'aria-label': tx('chatFiles.record'), title: tx('chatFiles.record') } });
  const recordBar = h('div', { class: 'chat-recording', testid: 'chat-recording', hidden: true });
  const clock = h('span', { class: 'chat-recording-clock', testid: 'chat-recording-clock', text: '0:00' });
  const stopButton = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'chat-record-send' }, icon('stop', { size: 14 }), h('span', { i18n: 'chatFiles.stopAndSend' }));
  const dropRecording = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'chat-record-cancel', i18n: 'common.cancel' });
  recordBar.append(h('span', { class: 'chat-recording-dot', 'aria-hidden': 'true' }), h('span', { class: 'chat-recording-label', i18n: 'chatFiles.recording' }), clock, dropRecording, stopButton);

  const tray = h('ul', { class: 'chat-uploads', testid: 'chat-uploads', hidden: true });
  const error = h('p', { class: 'chat-files-error', role: 'alert', testid: 'chat-files-error', hidden: true });
  const tools = h('div', { class: 'chat-tools' }, fileInput, attachButton, recordButton);

  function say(producer) {
    error.hidden = !producer;
    bind(error, { text: producer ?? (() => '') });
  }

  function renderTray() {
    tray.hidden = !uploads.length;
  }

  function row(entry) {
    const progress = h('progress', { class: 'chat-upload-progress', max: '100', value: '0', testid: 'chat-upload-progress' });
    bind(progress, { attrs: { 'aria-label': () => t('files.uploading', { name: entry.name }) } });
    const state = h('span', { class: 'chat-upload-state', testid: 'chat-upload-state', text: '0%' });
    const remove = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon', testid: 'chat-upload-cancel', text: '×' });
    bind(remove, { attrs: { 'aria-label': () => t('chatFiles.remove', { name: entry.name }), title: () => t('chatFiles.remove', { name: entry.name }) } });
    remove.addEventListener('click', () => {
      entry.abort?.();
      drop(entry);
    });
    const note = h('span', { class: 'chat-upload-note', testid: 'chat-upload-note' });
    const li = h('li', { class: 'chat-upload', testid: 'chat-upload', dataset: { state: 'uploading' } },
      h('span', { class: 'chat-upload-icon', 'aria-hidden': 'true' }, icon(String(entry.file.type).startsWith('image/') ? 'image' : 'file', { size: 16 })),
      h('span', { class: 'chat-upload-name', testid: 'chat-upload-name', text: entry.name }), progress, state, remove, note);
    return { li, progress, state, note };
  }

  function drop(entry) {
    const at = uploads.indexOf(entry);
    if (at >= 0) uploads.splice(at, 1);
    entry.row.li.remove();
    renderTray();
  }

  /** Uploads one file into the channel; resolves with the stored file, or null (the reason is shown). */
  async function upload(file, name = file.name || 'file', { listed = true } = {}) {
    const entry = { file, name, state: 'uploading', stored: null, abort: null };
    entry.row = row(entry);
    if (listed) {
      uploads.push(entry);
      tray.append(entry.row.li);
      renderTray();
    }
    if (String(file.type).startsWith('image/') && !PREVIEWABLE.has(file.type)) {
      bind(entry.row.note, { text: tx('chatFiles.noPreview') });
    }
    const running = api.uploadFile(chat.workspaceId, file, {
      name,
      target: `channel:${channelId}`,
      onProgress: (loaded, total) => {
        const value = total ? Math.floor((loaded / total) * 100) : 0;
        entry.row.progress.value = value;
        entry.row.state.textContent = `${value}%`;
      },
    });
    entry.abort = running.abort;
    try {
      entry.stored = await running.promise;
      entry.state = 'done';
      entry.row.li.dataset.state = 'done';
      entry.row.progress.hidden = true;
      entry.row.state.textContent = formatBytes(entry.stored.size);
      return entry.stored;
    } catch (err) {
      if (err.aborted || err.sessionEnded) return null;
      entry.state = 'failed';
      drop(entry);
      say(() => `${entry.name}: ${describeUploadError(err)()}`);
      if (err.type === 'file-too-large') {
        // The server's limit in words: the problem names it in bytes, the usage says it once more.
        api.getStorageUsage(chat.workspaceId).then((usage) => {
          if (alive && usage?.maxFileSize) say(() => `${entry.name}: ${t('files.error.tooLargeFor', { max: formatBytes(usage.maxFileSize) })}`);
        }, () => {});
      }
      return null;
    } finally {
      entry.abort = null;
    }
  }

  function addFiles(files) {
    if (!alive || !files?.length) return;
    say(null);
    [...files].forEach((file) => upload(file));
  }

  // Dropping files on the panel, pasting an image into the text.
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const onEnter = (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    dropTarget.classList.add('is-dropping');
  };
  const onOver = (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onLeave = (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) dropTarget.classList.remove('is-dropping');
  };
  const onDrop = (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    dropTarget.classList.remove('is-dropping');
    addFiles(event.dataTransfer.files);
  };
  const onPaste = (event) => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.length) return;
    event.preventDefault();
    const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
    addFiles(files.map((f, i) => (f.name && f.name !== 'image.png' ? f : new File([f], `pasted-${stamp}${i ? `-${i}` : ''}.${(f.type.split('/')[1] || 'png').replace('jpeg', 'jpg')}`, { type: f.type }))));
  };
  dropTarget.addEventListener('dragenter', onEnter);
  dropTarget.addEventListener('dragover', onOver);
  dropTarget.addEventListener('dragleave', onLeave);
  dropTarget.addEventListener('drop', onDrop);
  input.addEventListener('paste', onPaste);

  // ----------------------------------------------------------------- recording
  let recorder = null;
  let stream = null;
  let ticker = null;
  let keep = false;
  const type = recordingType();
  if (!type) {
    recordButton.disabled = true;
    bind(recordButton, { attrs: { title: tx('files.recordUnsupported'), 'aria-label': tx('files.recordUnsupported') } });
  }

  function stopRecording(send) {
    keep = send;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }

  function endRecording() {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    recorder = null;
    clearInterval(ticker);
    recordBar.hidden = true;
    recordButton.hidden = false;
    attachButton.hidden = false;
    recordButton.setAttribute('aria-pressed', 'false');
  }

  recordButton.addEventListener('click', async () => {
    if (recorder) return;
    say(null);
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      const key = err?.name === 'NotFoundError' || err?.name === 'OverconstrainedError' ? 'chatFiles.noMicrophone' : 'chatFiles.microphoneDenied';
      say(tx(key));
      return;
    }
    if (!alive) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream, { mimeType: type });
    recorder.addEventListener('dataavailable', (event) => event.data.size && chunks.push(event.data));
    recorder.addEventListener('error', () => {
      keep = false;
      say(tx('chatFiles.recordingFailed'));
    });
    recorder.addEventListener('stop', () => {
      const ext = type.startsWith('audio/ogg') ? 'ogg' : 'webm';
      const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
      endRecording();
      if (!keep || !alive || !chunks.length) return;
      sendRecording(new Blob(chunks, { type: type.split(';')[0] }), `voice-${stamp}.${ext}`);
    });
    recorder.start(250);
    const started = Date.now();
    clock.textContent = '0:00';
    ticker = setInterval(() => {
      const s = Math.floor((Date.now() - started) / 1000);
      clock.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    }, 500);
    recordButton.setAttribute('aria-pressed', 'true');
    recordButton.hidden = true;
    attachButton.hidden = true;
    recordBar.hidden = false;
    stopButton.focus();
  });
  stopButton.addEventListener('click', () => stopRecording(true));
  dropRecording.addEventListener('click', () => stopRecording(false));

  async function sendRecording(blob, name) {
    const stored = await upload(blob, name);
    // Its row leaves the composer at once: the recording goes out on its own, not with the text.
    const entry = uploads.find((u) => u.stored === stored);
    if (entry) drop(entry);
    if (!stored || !alive) return;
    try {
      await api.convertVoiceMessage(stored.id);
    } catch (err) {
      // Sent anyway: the file is there; the conversation shows that it cannot be played here.
      if (!err.sessionEnded) say(() => `${name}: ${describeUploadError(err)()}`);
    }
    sendVoice([{ id: stored.id, name }]);
  }

  // ----------------------------------------------------------------- messages
  function blobUrl(fileId, what) {
    const key = `${fileId}/${what}`;
    if (!blobs.has(key)) {
      const promise = api.fileBlob(fileId, what).then((blob) => URL.createObjectURL(blob));
      blobs.set(key, promise);
      promise.catch(() => blobs.delete(key));
    }
    return blobs.get(key);
  }

  /** Reads the file again until `done(file)`; gives up quietly after a while. */
  function poll(fileId, done) {
    let count = 0;
    const tick = async () => {
      if (!alive || count++ > POLL_LIMIT) return;
      try {
        const file = await api.getFile(fileId);
        if (!alive || done(file)) return;
      } catch (err) {
        if (err.sessionEnded || err.status === 404) return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        tick();
      }, POLL_MS);
      timers.add(timer);
    };
    tick();
  }

  async function download(file, button) {
    button.disabled = true;
    try {
      const url = await blobUrl(file.id, 'content');
      const a = h('a', { href: url, download: safeFileName(file.name), hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
    } catch (err) {
      say(describeError(err));
    } finally {
      button.disabled = false;
    }
  }

  function openFull(file) {
    const img = h('img', { class: 'chat-image-full', alt: file.name, testid: 'chat-image-full' });
    const status = statusLine('chat-image-status');
    status.set(tx('common.loading'));
    openDialog({ title: () => file.name, body: [status.el, img], testid: 'chat-image-dialog', size: 'dialog-wide' });
    blobUrl(file.id, 'content').then((url) => {
      img.src = url;
      status.set(null);
    }, (err) => status.set(describeError(err), { variant: 'error' }));
  }

  function fileCard(file, note = null) {
    const save = h('button', { type: 'button', class: 'btn btn-secondary btn-sm chat-file-download', testid: 'chat-file-download' }, icon('download', { size: 16 }), h('span', { i18n: 'files.download' }));
    bind(save, { attrs: { 'aria-label': () => `${t('files.download')} ${file.name}` } });
    save.addEventListener('click', () => download(file, save));
    return h('div', { class: 'chat-file', testid: 'chat-file', dataset: { fileId: file.id } },
      h('span', { class: 'chat-file-icon', 'aria-hidden': 'true' }, icon(String(file.contentType).startsWith('image/') ? 'image' : 'file')),
      h('span', { class: 'chat-file-text' },
        h('span', { class: 'chat-file-name', testid: 'chat-file-name', text: file.name, title: file.name }),
        h('span', { class: 'chat-file-size', testid: 'chat-file-size', text: formatBytes(file.size) }),
        note),
      save);
  }

  function image(file) {
    const img = h('img', { class: 'chat-thumb-image', alt: file.name, testid: 'chat-thumb-image' });
    const button = h('button', { type: 'button', class: 'chat-thumb', testid: 'chat-thumb', dataset: { fileId: file.id, state: 'loading' } }, img);
    bind(button, { attrs: { 'aria-label': () => t('files.preview', { name: file.name }), title: () => file.name } });
    button.addEventListener('click', () => openFull(file));
    const show = (what) => blobUrl(file.id, what).then((url) => {
      img.src = url;
      button.dataset.state = 'ready';
    }, () => {
      button.dataset.state = 'failed';
    });
    if (file.thumbnail === 'ready') show('thumbnail');
    else if (file.thumbnail === 'pending') {
      poll(file.id, (now) => {
        if (now.thumbnail === 'pending') return false;
        show(now.thumbnail === 'ready' ? 'thumbnail' : 'content');
        return true;
      });
    } else show('content');
    return button;
  }

  function voice(file) {
    const el = h('div', { class: 'chat-voice', testid: 'chat-voice', dataset: { fileId: file.id, conversion: 'unknown' } });
    const converting = h('span', { class: 'chat-voice-state', role: 'status', testid: 'chat-voice-state' });
    el.append(h('span', { class: 'chat-voice-icon', 'aria-hidden': 'true' }, icon('mic', { size: 16 })), converting);
    bind(converting, { text: tx('common.loading') });
    const settle = (now) => {
      el.dataset.conversion = now.conversion ?? 'none';
      if (now.conversion === 'pending') {
        bind(converting, { text: tx('files.converting') });
        return false;
      }
      if (now.conversion === 'ready') {
        const audio = h('audio', { controls: true, preload: 'metadata', class: 'chat-voice-player', testid: 'chat-voice-player' });
        bind(audio, { attrs: { 'aria-label': () => t('files.play', { name: file.name }) } });
        blobUrl(file.id, 'playback').then((url) => {
          audio.src = url;
        }, () => bind(converting, { text: tx('chatFiles.playbackFailed') }));
        el.replaceChildren(el.firstChild, audio);
      } else if (now.conversion === 'failed') {
        bind(converting, { text: tx('files.convertFailed') });
        el.classList.add('is-failed');
        el.append(fileCard(file));
      } else {
        // Not a voice message after all (a recording sent as a file): its card, in the same element.
        el.className = 'chat-voice-file';
        el.replaceChildren(fileCard(file));
      }
      return true;
    };
    poll(file.id, settle);
    return el;
  }

  function attachment(file) {
    if (PREVIEWABLE.has(file.contentType)) return image(file);
    if (RECORDINGS.has(file.contentType)) return voice(file);
    if (String(file.contentType).startsWith('image/')) {
      return fileCard(file, h('span', { class: 'chat-file-note', testid: 'chat-file-note', i18n: 'chatFiles.noPreview' }));
    }
    return fileCard(file);
  }

  return {
    /** The attach and record buttons, for the composer's row. */
    tools,
    /** Uploads in progress and done, the recording bar and the refusals: above the text. */
    tray: h('div', { class: 'chat-files-tray' }, recordBar, tray, error),
    /** Is an upload still running? (Sending waits for it.) */
    busy: () => uploads.some((u) => u.state === 'uploading'),
    /** Is a file uploaded and waiting to be sent? */
    ready: () => uploads.some((u) => u.state === 'done'),
    /** The uploaded files, handed over to a message and cleared from the composer. */
    take() {
      const done = uploads.filter((u) => u.state === 'done');
      done.forEach(drop);
      say(null);
      return done.map((u) => ({ id: u.stored.id, name: u.stored.name }));
    },
    say,
    /** A message's files: one element per message, kept while the panel lives. */
    render(message) {
      if (!message.attachments?.length || message.deleted) return null;
      if (!shown.has(message.id)) shown.set(message.id, h('div', { class: 'chat-attachments', testid: 'chat-attachments' }, message.attachments.map(attachment)));
      return shown.get(message.id);
    },
    /** A message still being sent: the names of its files. */
    renderPending(item) {
      if (!item.attachments?.length) return null;
      return h('div', { class: 'chat-attachments chat-attachments-pending' },
        item.attachments.map((file) => h('span', { class: 'chat-file chat-file-pending' }, h('span', { class: 'chat-file-icon', 'aria-hidden': 'true' }, icon('file', { size: 16 })), h('span', { class: 'chat-file-name', text: file.name }))));
    },
    cleanup() {
      alive = false;
      stopRecording(false);
      endRecording();
      uploads.forEach((u) => u.abort?.());
      timers.forEach(clearTimeout);
      for (const promise of blobs.values()) promise.then((u) => URL.revokeObjectURL(u), () => {});
      blobs.clear();
      dropTarget.removeEventListener('dragenter', onEnter);
      dropTarget.removeEventListener('dragover', onOver);
      dropTarget.removeEventListener('dragleave', onLeave);
      dropTarget.removeEventListener('drop', onDrop);
      input.removeEventListener('paste', onPaste);
    },
  };
}
