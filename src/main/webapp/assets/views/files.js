/**
 * Files (docs/files.md): the workspace's file browser (#/w/{ws}/files) and the
 * pieces the card dialog reuses for a card's attachments.
 *
 * - Uploads go through XMLHttpRequest (api.uploadFile) so each file shows its
 *   own progress bar with a cancel button; refusals (size, quota, plan) are
 *   shown on the file's row.
 * - Content needs the bearer token, so thumbnails, previews, audio and
 *   downloads are fetched and shown through blob: URLs, revoked when the list
 *   is redrawn or the page closes.
 * - A thumbnail or voice conversion made in the background is polled through
 *   the file itself (GET /files/{id}) until it is no longer pending; a failed
 *   conversion reads its job for the reason and offers a retry.
 */
import * as api from '../api.js';
import { bind, formatDateTime, formatRelative, getLanguage, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { getMe } from '../store.js';
import { can, workspaceById } from '../workspaces.js';
import { icon } from '../icons.js';
import { showToast } from './common.js';
import { confirmDialog, openDialog, pageHeader, statusLine, toastError } from './ui.js';
import { hrefWithQuery } from '../router.js';

const POLL_MS = 1500;
const NAME_MAX = 255;
/** Families offered in the type filter: value → dictionary key. */
const TYPES = [
  ['', 'files.type.all'],
  ['image/*', 'files.type.images'],
  ['audio/*', 'files.type.audio'],
  ['video/*', 'files.type.video'],
  ['application/pdf', 'files.type.pdf'],
  ['text/*', 'files.type.text'],
];
/** Sort choices: value → [sort, order, dictionary key]. */
const SORTS = [
  ['date', 'date', null, 'files.sort.newest'],
  ['date-asc', 'date', 'asc', 'files.sort.oldest'],
  ['name', 'name', null, 'files.sort.nameAsc'],
  ['name-desc', 'name', 'desc', 'files.sort.nameDesc'],
  ['size', 'size', null, 'files.sort.largest'],
  ['size-asc', 'size', 'asc', 'files.sort.smallest'],
];

/** 1536 → "1.5 KiB", in the UI's language (binary units, like the plan page). */
export function formatBytes(value) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = Number(value) || 0;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(getLanguage(), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(n);
  return `${number} ${units[unit]}`;
}

/** A name that is safe to save under on any system: no path separators, control or reserved characters. */
export function safeFileName(name) {
  const cleaned = Array.from(String(name ?? ''))
    .filter((c) => c.codePointAt(0) >= 0x20 && c.codePointAt(0) !== 0x7f && !/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c))
    .join('')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned || 'download';
}

/** A file upload refusal in words: size, quota and plan limits get their own message. */
export function describeUploadError(err) {
  const limit = err?.problem?.limit;
  if (err?.type === 'plan-limit' && (limit?.limit === 'FILE_BYTES' || limit?.limit === 'STORAGE_BYTES')) {
    const key = limit.limit === 'FILE_BYTES' ? 'files.error.planFileSize' : 'files.error.planStorage';
    return () => t(key, { max: formatBytes(limit.max), plan: limit.plan ?? '' });
  }
  if (err?.type === 'file-too-large') return tx('files.error.tooLarge');
  if (err?.type === 'storage-quota-exceeded') return tx('files.error.quota');
  if (err?.type === 'not-an-image') return tx('files.error.notAnImage');
  if (err?.type === 'malformed-upload' || err?.type === 'upload-incomplete') return tx('files.error.incomplete');
  return describeError(err);
}

/** May the caller rename and delete this file? The uploader always; owners and managers any file they see. */
function mayChange(file, role) {
  return file.uploader?.id === getMe()?.id || can(role, 'MANAGE_OTHERS_FILES');
}

/**
 * Blob URLs of one list, made on demand and revoked together.
 */
function blobCache() {
  const urls = new Map();
  return {
    async url(fileId, what) {
      const key = `${fileId}/${what}`;
      if (!urls.has(key)) {
        const promise = api.fileBlob(fileId, what).then((blob) => URL.createObjectURL(blob));
        urls.set(key, promise);
        promise.catch(() => urls.delete(key));
      }
      return urls.get(key);
    },
    forget(fileId) {
      for (const [key, promise] of urls) {
        if (key.startsWith(`${fileId}/`)) {
          promise.then((u) => URL.revokeObjectURL(u), () => {});
          urls.delete(key);
        }
      }
    },
    clear() {
      for (const promise of urls.values()) promise.then((u) => URL.revokeObjectURL(u), () => {});
      urls.clear();
    },
  };
}

/** Saves a file's content under its (made safe) name: fetched with the token, then handed to the browser. */
async function download(file) {
  const blob = await api.fileBlob(file.id, 'content');
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: safeFileName(file.name), hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function openPreview(file, blobs) {
  const img = h('img', { class: 'file-preview-image', alt: file.name, testid: 'file-preview-image' });
  const status = statusLine('file-preview-status');
  status.set(tx('common.loading'));
  openDialog({ title: () => file.name, body: [status.el, img], testid: 'file-preview', size: 'dialog-wide' });
  blobs.url(file.id, 'content').then(
    (url) => {
      img.src = url;
      status.set(null);
    },
    (err) => status.set(describeError(err), { variant: 'error' }),
  );
}

function openRename(file, onRenamed) {
  const input = h('input', { type: 'text', class: 'input', id: 'file-rename-input', testid: 'file-rename-input', value: file.name, maxlength: 1000, required: true });
  const error = h('div', { class: 'alert', role: 'alert', testid: 'file-rename-error' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'file-rename-save', i18n: 'common.save' });
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'file-rename-input', i18n: 'files.nameLabel' }), input),
    error,
    h('div', { class: 'dialog-actions' }, save),
  );
  const handle = openDialog({ title: tx('files.renameTitle'), body: form, testid: 'file-rename-dialog' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    withBusy(save, async () => {
      const name = input.value.trim();
      if (!name || Array.from(name).length > NAME_MAX) {
        bind(error, { text: name ? tx('validation.tooLong', { max: NAME_MAX }) : tx('validation.required') });
        return;
      }
      try {
        const renamed = await api.renameFile(file.id, name);
        handle.close();
        onRenamed(renamed);
      } catch (err) {
        if (err.sessionEnded) handle.close();
        else bind(error, { text: describeError(err) });
      }
    });
  });
  input.focus();
  input.select();
}

/**
 * A list of files that redraws one row when its file changes, and polls the
 * rows whose thumbnail or conversion is still being made.
 * @param {object} o
 * @param {() => string} o.role the caller's workspace role
 * @param {string} [o.testid]
 * @param {boolean} [o.showTarget] say where a file is attached (not in a card's own list)
 * @param {(file: object) => void} [o.onRemoved]
 */
export function fileList({ role, testid = 'files-list', showTarget = true, onRemoved = () => {} }) {
  const el = h('ul', { class: 'file-list', testid });
  const blobs = blobCache();
  const rows = new Map(); // id → {file, li}
  const timers = new Map(); // id → timeout
  let alive = true;

  function poll(file) {
    clearTimeout(timers.get(file.id));
    timers.set(file.id, setTimeout(async () => {
      timers.delete(file.id);
      if (!alive || !rows.has(file.id)) return;
      try {
        const next = await api.getFile(file.id);
        if (alive && rows.has(file.id)) put(next);
      } catch (err) {
        if (err.status === 404) remove(file.id);
        else if (!err.sessionEnded && alive) poll(file);
      }
    }, POLL_MS));
  }

  function thumbSlot(file) {
    if (file.thumbnail === 'pending') {
      return h('span', { class: 'file-thumb file-thumb-pending', testid: 'file-thumb-pending', role: 'status', i18n: 'files.processing' });
    }
    if (file.thumbnail === 'ready') {
      const img = h('img', { class: 'file-thumb-image', alt: '', testid: 'file-thumbnail' });
      const button = h('button', { type: 'button', class: 'file-thumb file-thumb-button', testid: 'file-preview-open' }, img);
      bind(button, { attrs: { 'aria-label': () => t('files.preview', { name: file.name }) } });
      button.addEventListener('click', () => openPreview(file, blobs));
      blobs.url(file.id, 'thumbnail').then((url) => {
        img.src = url;
      }, () => {});
      return button;
    }
    const family = String(file.contentType).split('/')[0];
    const glyph = { image: 'image', audio: 'audio', video: 'video', text: 'file' }[family] ?? 'file';
    return h('span', { class: 'file-thumb file-thumb-icon', 'aria-hidden': 'true' }, icon(glyph));
  }

  function voiceSlot(file) {
    if (file.conversion === 'pending') {
      return h('p', { class: 'file-voice muted', role: 'status', testid: 'file-converting', i18n: 'files.converting' });
    }
    if (file.conversion === 'ready') {
      const audio = h('audio', { controls: true, preload: 'metadata', class: 'file-audio', testid: 'file-audio' });
      bind(audio, { attrs: { 'aria-label': () => t('files.play', { name: file.name }) } });
      blobs.url(file.id, 'playback').then((url) => {
        audio.src = url;
      }, () => {});
      return h('div', { class: 'file-voice' }, audio);
    }
    if (file.conversion === 'failed') {
      const reason = h('span', { class: 'file-voice-reason', testid: 'file-convert-reason' });
      const slot = h('p', { class: 'file-voice file-voice-failed', role: 'alert', testid: 'file-convert-failed' }, h('span', { i18n: 'files.convertFailed' }), ' ', reason);
      if (file.conversionJobId) {
        api.getJob(file.conversionJobId).then((job) => {
          if (job?.lastError) reason.textContent = job.lastError;
        }, () => { /* only who asked may read the job */ });
      }
      if (mayChange(file, role())) {
        const retry = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'file-convert-retry', i18n: 'files.convertRetry' });
        retry.addEventListener('click', () =>
          withBusy(retry, async () => {
            try {
              put(await api.convertVoiceMessage(file.id));
            } catch (err) {
              toastError(err);
            }
          }),
        );
        slot.append(' ', retry);
      }
      return slot;
    }
    return null;
  }

  function build(file) {
    const meta = [
      formatBytes(file.size),
      file.uploader?.displayName ?? null,
    ].filter(Boolean).join(' · ');
    const when = bind(h('time', { datetime: file.createdAt }), { text: () => formatRelative(file.createdAt), attrs: { title: () => formatDateTime(file.createdAt) } });
    const downloadLink = h('a', {
      class: 'btn btn-ghost btn-sm',
      href: api.fileContentUrl(file.id, { download: true }),
      download: safeFileName(file.name),
      testid: 'file-download',
      i18n: 'files.download',
    });
    downloadLink.addEventListener('click', (event) => {
      event.preventDefault();
      download(file).catch(toastError);
    });
    const actions = [downloadLink];
    if (mayChange(file, role())) {
      const rename = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'file-rename', i18n: 'files.rename' });
      rename.addEventListener('click', () => openRename(file, (renamed) => {
        put(renamed);
        showToast(() => t('files.renamed', { name: renamed.name }));
      }));
      const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'file-delete', i18n: 'files.delete' });
      remove.addEventListener('click', async () => {
        const deleted = await confirmDialog({
          title: tx('files.deleteTitle'),
          message: () => t('files.deleteMessage', { name: file.name }),
          confirm: 'files.delete',
          danger: true,
          testid: 'file-delete-confirm',
          action: () => api.deleteFile(file.id),
        });
        if (deleted) {
          removeRow(file.id);
          showToast(() => t('files.deleted', { name: file.name }));
          onRemoved(file);
        }
      });
      actions.push(rename, remove);
    }
    return h(
      'li',
      { class: 'file-row', testid: 'file-row', dataset: { fileId: file.id, thumbnail: file.thumbnail, conversion: file.conversion ?? 'none' } },
      thumbSlot(file),
      h(
        'div',
        { class: 'file-main' },
        h('span', { class: 'file-name', testid: 'file-name', text: file.name }),
        h('span', { class: 'file-meta muted' }, meta, ' · ', when, showTarget && file.target ? [' · ', h('span', { i18n: `files.attachedTo.${file.target.kind}`, class: 'file-target' })] : null),
        voiceSlot(file),
      ),
      h('div', { class: 'file-actions' }, actions),
    );
  }

  /** Shows a file: a new one at the top (or the end with append), a known one redrawn in place. */
  function put(file, { append = false } = {}) {
    const known = rows.get(file.id);
    // What was made meanwhile (a thumbnail, the converted audio) is fetched afresh.
    if (known && (known.file.thumbnail !== file.thumbnail || known.file.conversion !== file.conversion)) blobs.forget(file.id);
    const li = build(file);
    if (known) {
      known.li.replaceWith(li);
    } else if (append) {
      el.append(li);
    } else {
      el.prepend(li);
    }
    rows.set(file.id, { file, li });
    if (file.thumbnail === 'pending' || file.conversion === 'pending') poll(file);
  }

  function removeRow(id) {
    const known = rows.get(id);
    if (!known) return;
    known.li.remove();
    rows.delete(id);
    blobs.forget(id);
    clearTimeout(timers.get(id));
    timers.delete(id);
  }

  function remove(id) {
    const known = rows.get(id);
    removeRow(id);
    if (known) onRemoved(known.file);
  }

  function clear() {
    for (const id of [...rows.keys()]) removeRow(id);
    blobs.clear();
  }

  return {
    el,
    put,
    clear,
    get size() {
      return rows.size;
    },
    cleanup() {
      alive = false;
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
      blobs.clear();
    },
  };
}

/**
 * The uploads under way: one row per file with a progress bar (percent), a
 * cancel button, and the outcome.
 * @param {object} o
 * @param {string} o.workspaceId
 * @param {() => string|null} [o.target] kind:id to attach to
 * @param {(file: object) => void} o.onUploaded
 * @param {() => number|null} [o.maxFileSize] known limit, to refuse before sending
 */
export function uploadQueue({ workspaceId, target = () => null, onUploaded, maxFileSize = () => null }) {
  const el = h('ul', { class: 'upload-list', testid: 'upload-list' });
  const running = new Set();

  function row(name) {
    const progress = h('progress', { class: 'upload-progress', max: '100', value: '0', testid: 'upload-progress' });
    bind(progress, { attrs: { 'aria-label': () => t('files.uploading', { name }) } });
    const percent = h('span', { class: 'upload-percent', testid: 'upload-percent', text: '0%' });
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'upload-cancel', i18n: 'common.cancel' });
    // The outcome is announced; the percentage is not (it would be read on every step).
    const message = h('span', { class: 'upload-message', role: 'status', testid: 'upload-message' });
    const dismiss = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon', testid: 'upload-dismiss', text: '×', hidden: true });
    bind(dismiss, { attrs: { 'aria-label': () => t('common.close'), title: () => t('common.close') } });
    const li = h('li', { class: 'upload-row', testid: 'upload-row', dataset: { state: 'uploading' } },
      h('span', { class: 'upload-name', testid: 'upload-name', text: name }), progress, percent, message, cancel, dismiss);
    dismiss.addEventListener('click', () => li.remove());
    return { li, progress, percent, cancel, message, dismiss };
  }

  function finish(r, state, text) {
    r.li.dataset.state = state;
    r.cancel.hidden = true;
    r.dismiss.hidden = false;
    if (text) bind(r.message, { text });
    if (state === 'failed') r.message.setAttribute('role', 'alert');
  }

  /**
   * Uploads one file; resolves with the stored file or null.
   * @param {Blob} file
   * @param {{name?: string}} [o]
   */
  async function add(file, { name } = {}) {
    const label = name || file.name || 'file';
    // Finished uploads make room for the new ones; failures stay until dismissed.
    el.querySelectorAll('[data-state="done"], [data-state="cancelled"]').forEach((done) => done.remove());
    const r = row(label);
    el.append(r.li);
    const max = maxFileSize();
    if (max != null && file.size > max) {
      finish(r, 'failed', () => t('files.error.tooLargeFor', { max: formatBytes(max) }));
      return null;
    }
    const upload = api.uploadFile(workspaceId, file, {
      name,
      target: target() ?? undefined,
      onProgress: (loaded, total) => {
        const value = total ? Math.floor((loaded / total) * 100) : 0;
        r.progress.value = value;
        r.percent.textContent = `${value}%`;
      },
    });
    running.add(upload);
    r.cancel.addEventListener('click', () => upload.abort());
    try {
      const stored = await upload.promise;
      r.progress.value = 100;
      r.percent.textContent = '100%';
      finish(r, 'done', tx('files.uploaded'));
      onUploaded(stored);
      return stored;
    } catch (err) {
      if (err.aborted) finish(r, 'cancelled', tx('files.cancelled'));
      else if (!err.sessionEnded) finish(r, 'failed', describeUploadError(err));
      return null;
    } finally {
      running.delete(upload);
    }
  }

  return {
    el,
    add,
    addAll: (files) => Promise.all([...files].map((file) => add(file))),
    cleanup() {
      running.forEach((upload) => upload.abort());
    },
  };
}

/**
 * Makes an element accept dropped files (the page, a card dialog).
 * @param {HTMLElement} zone
 * @param {(files: FileList) => void} onFiles
 * @returns {() => void} removes the listeners
 */
export function dropZone(zone, onFiles) {
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const enter = (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    zone.classList.add('is-dropping');
  };
  const over = (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const leave = (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) zone.classList.remove('is-dropping');
  };
  const drop = (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    zone.classList.remove('is-dropping');
    if (event.dataTransfer.files.length) onFiles(event.dataTransfer.files);
  };
  zone.addEventListener('dragenter', enter);
  zone.addEventListener('dragover', over);
  zone.addEventListener('dragleave', leave);
  zone.addEventListener('drop', drop);
  return () => {
    zone.classList.remove('is-dropping');
    zone.removeEventListener('dragenter', enter);
    zone.removeEventListener('dragover', over);
    zone.removeEventListener('dragleave', leave);
    zone.removeEventListener('drop', drop);
  };
}

/** A visible "Upload files" button over a real (visually hidden, focusable) file input. */
export function filePicker(id, testid, onFiles) {
  const input = h('input', { type: 'file', multiple: true, id, class: 'sr-only file-input', testid });
  input.addEventListener('change', () => {
    if (input.files.length) onFiles(input.files);
    input.value = '';
  });
  const label = h('label', { class: 'btn btn-primary file-picker', for: id }, h('span', { class: 'btn-glyph', 'aria-hidden': 'true' }, icon('upload', { size: 16 })), h('span', { i18n: 'files.upload' }));
  return h('span', { class: 'file-picker-wrap' }, input, label);
}

/** The best recording format this browser offers (WebM/Opus first). */
function recordingType() {
  const candidates = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'];
  return candidates.find((type) => window.MediaRecorder?.isTypeSupported?.(type)) ?? null;
}

/**
 * Record a voice message: the first press asks for the microphone and starts,
 * the second stops and hands the recording on.
 * @param {(blob: Blob, name: string) => void} onRecorded
 */
export function voiceRecorder(onRecorded) {
  const button = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'voice-record', 'aria-pressed': 'false' });
  const label = h('span', { i18n: 'files.record' });
  const clock = h('span', { class: 'voice-clock', 'aria-hidden': 'true' });
  button.append(h('span', { class: 'voice-dot', 'aria-hidden': 'true' }), label, clock);
  const status = h('span', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  let recorder = null;
  let stream = null;
  let ticker = null;
  let discard = false;
  const type = recordingType();
  if (!type) {
    button.disabled = true;
    bind(button, { attrs: { title: () => t('files.recordUnsupported') } });
  }

  function stopTracks() {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    clearInterval(ticker);
    clock.textContent = '';
  }

  button.addEventListener('click', async () => {
    if (recorder) {
      recorder.stop();
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      showToast(tx('files.microphoneDenied'), { variant: 'error' });
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream, { mimeType: type });
    recorder.addEventListener('dataavailable', (event) => event.data.size && chunks.push(event.data));
    recorder.addEventListener('stop', () => {
      const ext = type.startsWith('audio/ogg') ? 'ogg' : 'webm';
      const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
      recorder = null;
      stopTracks();
      if (discard) return;
      button.setAttribute('aria-pressed', 'false');
      button.classList.remove('is-recording');
      bind(label, { text: tx('files.record') });
      bind(status, { text: tx('files.recordingStopped') });
      onRecorded(new Blob(chunks, { type: type.split(';')[0] }), `voice-${stamp}.${ext}`);
    });
    recorder.start();
    const started = Date.now();
    ticker = setInterval(() => {
      const s = Math.floor((Date.now() - started) / 1000);
      clock.textContent = ` ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    }, 500);
    button.setAttribute('aria-pressed', 'true');
    button.classList.add('is-recording');
    bind(label, { text: tx('files.stopRecording') });
    bind(status, { text: tx('files.recordingStarted') });
  });

  return {
    el: h('span', {}, button, status),
    cleanup() {
      // Leaving the page while recording throws the recording away.
      discard = true;
      if (recorder && recorder.state !== 'inactive') recorder.stop();
      stopTracks();
    },
  };
}

/** Uploads a recording and asks for its conversion; the list shows "converting…" then the player. */
async function uploadVoice(queue, blob, name, list) {
  const stored = await queue.add(blob, { name });
  if (!stored) return;
  try {
    list.put(await api.convertVoiceMessage(stored.id));
  } catch (err) {
    toastError(err);
  }
}

/**
 * A card's attachments for the card dialog: its files, an upload button,
 * voice messages and dropping files onto the dialog.
 * @param {object} o
 * @param {string} o.workspaceId
 * @param {string} o.cardId
 * @param {HTMLElement} o.dropTarget the dialog
 * @param {boolean} o.canUpload
 * @returns {{el: HTMLElement, cleanup: () => void}}
 */
export function cardAttachments({ workspaceId, cardId, dropTarget, canUpload }) {
  const role = () => workspaceById(workspaceId)?.myRole;
  const target = `card:${cardId}`;
  const status = statusLine('card-attachments-status');
  const list = fileList({ role, testid: 'card-attachments', showTarget: false, onRemoved: () => !list.size && status.set(tx('files.noAttachments')) });
  const queue = uploadQueue({
    workspaceId,
    target: () => target,
    onUploaded: (file) => {
      status.set(null);
      list.put(file);
    },
  });
  const children = [status.el];
  let undrop = () => {};
  let recorder = null;
  if (canUpload) {
    const upload = (files) => queue.addAll(files);
    recorder = voiceRecorder((blob, name) => uploadVoice(queue, blob, name, list));
    children.push(h('div', { class: 'file-toolbar' }, filePicker(`card-file-input-${cardId}`, 'card-file-input', upload), recorder.el),
      h('p', { class: 'field-hint', i18n: 'files.dropHintCard' }), queue.el);
    undrop = dropZone(dropTarget, upload);
  }
  children.push(list.el);
  const el = h('section', { class: 'card-section', testid: 'card-attachments-section', 'aria-labelledby': 'card-section-attachments' },
    h('h3', { class: 'card-section-title', id: 'card-section-attachments', i18n: 'files.attachments' }), ...children);

  (async () => {
    status.set(tx('common.loading'));
    try {
      const page = await api.listFiles(workspaceId, { target, limit: 200 });
      page.items.forEach((file) => list.put(file, { append: true }));
      status.set(list.size ? null : tx('files.noAttachments'));
    } catch (err) {
      if (!err.sessionEnded) status.set(describeError(err), { variant: 'error' });
    }
  })();

  return {
    el,
    cleanup() {
      undrop();
      queue.cleanup();
      recorder?.cleanup();
      list.cleanup();
    },
  };
}

/** #/w/{ws}/files */
export function renderFiles(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const role = () => ctx.workspace()?.myRole;
  let alive = true;
  let usage = null;

  const list = fileList({ role, onRemoved: () => { loadUsage(); if (!list.size) showEmpty(); } });
  const queue = uploadQueue({
    workspaceId,
    maxFileSize: () => usage?.maxFileSize ?? null,
    onUploaded: (file) => {
      status.set(null);
      // Shown at once when the list as filtered and sorted now puts it first; else the list is read again.
      if (matchesFilters(file)) list.put(file);
      else load();
      loadUsage();
    },
  });
  const upload = (files) => queue.addAll(files);
  const recorder = voiceRecorder((blob, name) => uploadVoice(queue, blob, name, list));

  // Usage against the plan's quota (not for guests: VIEW_STORAGE_USAGE).
  const meter = h('meter', { class: 'files-meter', min: '0', max: '1', low: '0.75', high: '0.9', optimum: '0', value: '0', testid: 'files-usage-meter' });
  const usageText = h('span', { class: 'files-usage-text', testid: 'files-usage' });
  const usageBox = h('div', { class: 'files-usage', hidden: true }, h('span', { class: 'field-label', id: 'files-usage-label', i18n: 'files.usage' }), meter, usageText);
  meter.setAttribute('aria-labelledby', 'files-usage-label');

  // Filters.
  const search = h('input', { type: 'search', class: 'input input-sm', id: 'files-search', testid: 'files-search', autocomplete: 'off' });
  bind(search, { attrs: { placeholder: () => t('files.searchPlaceholder') } });
  // A search result opens the Files page on its name (#/w/{ws}/files?q=…).
  search.value = ctx.query?.get('q') ?? '';
  const boardSelect = h('select', { class: 'select input-sm', id: 'files-board', testid: 'files-board' }, bind(h('option', { value: '' }), { text: tx('files.allBoards') }));
  const uploaderSelect = h('select', { class: 'select input-sm', id: 'files-uploader', testid: 'files-uploader' },
    bind(h('option', { value: '' }), { text: tx('files.anyone') }),
    bind(h('option', { value: getMe()?.id ?? '' }), { text: tx('files.me') }));
  const typeSelect = h('select', { class: 'select input-sm', id: 'files-type', testid: 'files-type' },
    TYPES.map(([value, key]) => bind(h('option', { value }), { text: tx(key) })));
  const sortSelect = h('select', { class: 'select input-sm', id: 'files-sort', testid: 'files-sort' },
    SORTS.map(([value, , , key]) => bind(h('option', { value }), { text: tx(key) })));
  const labelled = (id, key, control) => h('div', { class: 'files-filter' }, h('label', { class: 'field-label', for: id, i18n: key }), control);

  const status = statusLine('files-status');
  const more = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'files-more', i18n: 'common.loadMore', hidden: true });
  const dropHint = h('p', { class: 'files-drop-hint', 'aria-hidden': 'true', i18n: 'files.dropHere' });

  // The same pictures as a gallery (of the board chosen in the filter, if one is).
  const galleryLink = h('a', { class: 'btn btn-secondary', testid: 'files-gallery' },
    h('span', { class: 'btn-glyph', 'aria-hidden': 'true' }, icon('image', { size: 16 })), h('span', { i18n: 'gallery.title' }));
  const galleryHref = () => {
    galleryLink.href = hrefWithQuery(['w', workspaceId, 'gallery'], { scope: boardSelect.value ? `board:${boardSelect.value}` : null });
  };
  const header = pageHeader({
    title: tx('files.title'),
    subtitle: () => ctx.workspace()?.name ?? '',
    actions: [galleryLink, recorder.el, filePicker('files-input', 'files-input', upload)],
  });
  const body = h(
    'div',
    { class: 'page-body page-body-wide files-page', testid: 'files-page' },
    usageBox,
    h('p', { class: 'field-hint', i18n: 'files.dropHint' }),
    queue.el,
    h(
      'div',
      { class: 'toolbar files-toolbar', role: 'search' },
      labelled('files-search', 'files.search', search),
      labelled('files-board', 'files.board', boardSelect),
      labelled('files-uploader', 'files.uploader', uploaderSelect),
      labelled('files-type', 'files.typeLabel', typeSelect),
      labelled('files-sort', 'files.sortLabel', sortSelect),
    ),
    status.el,
    list.el,
    h('div', {}, more),
    dropHint,
  );
  main.append(header, body);
  const undrop = dropZone(main, upload);

  function query() {
    const [, sort, order] = SORTS.find(([value]) => value === sortSelect.value) ?? SORTS[0];
    return {
      q: search.value.trim() || null,
      target: boardSelect.value ? `board:${boardSelect.value}` : null,
      uploader: uploaderSelect.value || null,
      type: typeSelect.value || null,
      sort,
      order,
    };
  }

  /** Whether a fresh upload belongs at the top of the list as it is filtered and sorted now. */
  function matchesFilters(file) {
    const q = query();
    if (q.target) return false;
    if (q.uploader && file.uploader?.id !== q.uploader) return false;
    if (q.q && !file.name.toLowerCase().includes(q.q.toLowerCase())) return false;
    if (q.type) {
      const family = q.type.endsWith('/*') ? q.type.slice(0, -1) : null;
      if (family ? !file.contentType.startsWith(family) : file.contentType !== q.type) return false;
    }
    return q.sort === 'date' && !q.order;
  }

  function showEmpty() {
    const q = query();
    status.set(q.q || q.target || q.uploader || q.type ? tx('files.noneMatching') : tx('files.none'));
  }

  let cursor = null;
  let loadSeq = 0;
  async function load({ append = false } = {}) {
    const seq = ++loadSeq;
    if (!append) {
      cursor = null;
      list.clear();
    }
    status.set(tx('common.loading'));
    list.el.setAttribute('aria-busy', 'true');
    try {
      const page = await api.listFiles(workspaceId, { ...query(), cursor });
      if (!alive || seq !== loadSeq) return;
      page.items.forEach((file) => list.put(file, { append: true }));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (list.size) status.set(null);
      else showEmpty();
    } catch (err) {
      if (!alive || seq !== loadSeq || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error', retry: () => load({ append }) });
    } finally {
      if (seq === loadSeq) list.el.removeAttribute('aria-busy');
    }
  }

  async function loadUsage() {
    if (!can(role(), 'VIEW_STORAGE_USAGE')) return;
    try {
      usage = await api.getStorageUsage(workspaceId);
      if (!alive) return;
      usageBox.hidden = false;
      meter.value = usage.quotaBytes ? Math.min(1, usage.usedBytes / usage.quotaBytes) : 0;
      bind(usageText, {
        text: () => t('files.usageText', {
          used: formatBytes(usage.usedBytes),
          quota: formatBytes(usage.quotaBytes),
          count: usage.fileCount,
        }),
      });
    } catch (err) {
      if (!err.sessionEnded) console.warn('Could not read the storage usage', err);
    }
  }

  async function loadFilterChoices() {
    try {
      const boards = await api.allPages((c) => api.listBoards(workspaceId, { cursor: c }), 10);
      if (!alive) return;
      boardSelect.append(...boards.map((board) => h('option', { value: board.id, text: board.name })));
    } catch (err) {
      if (!err.sessionEnded) console.warn('Could not list the boards', err);
    }
    if (!can(role(), 'LIST_MEMBERS')) return;
    try {
      const members = await api.listMembers(workspaceId);
      if (!alive) return;
      const me = getMe()?.id;
      uploaderSelect.append(...members.filter((m) => m.accountId !== me)
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((m) => h('option', { value: m.accountId, text: m.displayName })));
    } catch (err) {
      if (!err.sessionEnded) console.warn('Could not list the members', err);
    }
  }

  let searchTimer = null;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => load(), 300);
  });
  [boardSelect, uploaderSelect, typeSelect, sortSelect].forEach((select) => select.addEventListener('change', () => load()));
  boardSelect.addEventListener('change', galleryHref);
  galleryHref();
  more.addEventListener('click', () => withBusy(more, () => load({ append: true })));

  loadUsage();
  loadFilterChoices();
  load();

  return () => {
    alive = false;
    clearTimeout(searchTimer);
    undrop();
    queue.cleanup();
    recorder.cleanup();
    list.cleanup();
  };
}
