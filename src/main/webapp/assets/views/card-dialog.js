/**
 * The card dialog (#/w/{ws}/boards/{board}?card={id}): title, Markdown
 * description (rendered by markdown.js, never as HTML), assignees, labels,
 * start and due dates, checklist, comments, attachments and the card's activity.
 *
 * Every change is a PATCH with If-Match on the version read; when someone
 * else changed the card meanwhile (409 stale-version) the dialog shows the
 * current card and says so, and nothing is overwritten.
 *
 * This module holds the dialog and what its sections share (the card, `patch`, the mention
 * picker); the larger sections are modules of their own under assets/board/: card-description.js,
 * card-checklist.js, card-people.js (assignees and labels) and card-comments.js; the attachments
 * are files.js's cardAttachments.
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { fromLocalInput, toLocalInput } from '../dates.js';
import { getMe } from '../store.js';
import { showToast } from './common.js';
import { activityPanel } from './activity.js';
import { cardAttachments } from './files.js';
import { can as roleCan, workspaceById } from '../workspaces.js';
import { openDialog, statusLine, toastError } from './ui.js';
import { attachMentions } from '../mentions.js';
import { section, tooLong } from '../board/card-section.js';
import { descriptionSection } from '../board/card-description.js';
import { checklistSection } from '../board/card-checklist.js';
import { assigneesSection, labelsSection } from '../board/card-people.js';
import { commentsSection } from '../board/card-comments.js';

const TITLE_MAX = 300;

/**
 * @param {object} o
 * @param {string} o.workspaceId
 * @param {object} o.board the BoardDetail (labels, lists, members are read from it)
 * @param {string} o.cardId
 * @param {(action: string) => boolean} o.can the caller's board actions
 * @param {(card: object) => void} o.onChange a full Card after any change
 * @param {(cardId: string) => void} o.onArchived
 * @param {() => void} o.onClosed
 * @returns {{cardId: string, close: () => void, refresh: (kind: string) => Promise<void>}}
 */
export function openCardDialog({ workspaceId, board, cardId, can, onChange, onArchived, onClosed }) {
  let card = null;
  let alive = true;

  const status = statusLine('card-status');
  const notice = h('div', { class: 'alert', role: 'alert', testid: 'card-notice', dataset: { variant: 'info' } });
  const body = h('div', { class: 'card-detail', testid: 'card-detail' });
  const titleText = () => card?.title ?? t('common.loading');
  const handle = openDialog({
    title: titleText,
    body: [status.el, notice, body],
    testid: 'card-dialog',
    size: 'dialog-wide',
    onClose: () => {
      alive = false;
      shown.cleanup();
      onClosed();
    },
  });
  const heading = handle.dialog.querySelector('.dialog-title');
  heading.dataset.testid = 'card-dialog-title';

  function say(message, variant = 'info') {
    notice.dataset.variant = variant;
    bind(notice, { text: message ?? (() => '') });
  }

  /** Takes a new Card from the server and shows it everywhere. */
  function accept(next) {
    card = next;
    bind(heading, { text: titleText });
    onChange(card);
    render();
  }

  const render = () => shown.render();

  /** What the sections share: the card as it is now, and how to change it. */
  const d = {
    workspaceId,
    boardId: board.id,
    cardId,
    board,
    can,
    editable: can('EDIT_CARDS'),
    me: getMe(),
    get card() {
      return card;
    },
    set card(next) {
      card = next;
    },
    alive: () => alive,
    onChange: (changed) => onChange(changed),
    patch,
    boardReaders,
    mentionable: (textarea) => attachMentions(textarea, { people: boardReaders, exclude: d.me?.id }),
    /** Puts a section drawn again in place of the shown one. */
    replacePart: (name, next) => shown.replacePart(name, next),
    close: () => handle.close(),
    onArchived,
    candidates: null,
  };

  const shown = cardBody(d, body, handle.dialog);

  // The mention picker of descriptions and comments: who can read the board, asked once per dialog.
  let readers = null;
  function boardReaders() {
    readers ??= api.listBoardReaders(workspaceId, d.boardId).catch((err) => {
      readers = null;
      throw err;
    });
    return readers;
  }

  /** PATCH with If-Match; a stale version shows the current card instead. */
  async function patch(changes) {
    try {
      accept(await api.updateCard(workspaceId, d.boardId, cardId, changes, card.version));
      say(null);
      return true;
    } catch (err) {
      if (err.type === 'stale-version' || err.type === 'conflict') {
        const current = err.problem?.current ?? (await api.getCard(workspaceId, d.boardId, cardId));
        accept(current);
        say(tx('card.staleReloaded'));
        return false;
      }
      toastError(err);
      return false;
    }
  }

  (async () => {
    status.set(tx('common.loading'));
    try {
      card = await api.getCard(workspaceId, d.boardId, cardId);
      if (!alive) return;
      status.set(null);
      bind(heading, { text: titleText });
      render();
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      status.set(err.status === 404 ? tx('card.notFound') : describeError(err), { variant: 'error' });
    }
  })();

  /**
   * Someone else changed this card (board-live.js): shows it as the server has it now, unless the
   * person is typing in one of its fields; new comments show either way.
   */
  async function refresh(kind) {
    if (!alive || !card) return;
    if (String(kind).startsWith('comment.')) shown.comments?.reload();
    const active = document.activeElement;
    if (body.contains(active) && active.matches('input, textarea, select, [contenteditable="true"]')) return;
    try {
      const next = await api.getCard(workspaceId, d.boardId, cardId);
      if (alive) accept(next);
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      if (err.status === 404) say(tx('card.notFound'), 'error');
    }
  }

  return { cardId, close: () => handle.close(), refresh };
}

/**
 * The dialog's body: the parts that show the card itself, drawn again on every change; the
 * attachments, comments and activity are built once.
 */
function cardBody(d, body, dialogEl) {
  const PARTS = [
    ['where', () => whereLine(d)],
    ['title', () => h('div', { class: 'card-title-slot' }, titleSection(d))],
    ['description', () => descriptionSection(d)],
    ['checklist', () => checklistSection(d)],
    ['assignees', () => assigneesSection(d)],
    ['labels', () => labelsSection(d)],
    ['dates', () => datesSection(d)],
  ];
  const parts = new Map();
  const shown = { comments: null, attachments: null };

  function replacePart(name, next) {
    parts.get(name)?.replaceWith(next);
    parts.set(name, next);
    return next;
  }

  function render() {
    // Keep focus where it was when a part is redrawn.
    const focusedTestId = body.contains(document.activeElement) ? document.activeElement?.dataset?.testid : null;
    if (!parts.size) {
      for (const [name, build] of PARTS) parts.set(name, build());
      shown.attachments = cardAttachments({
        workspaceId: d.workspaceId,
        cardId: d.cardId,
        dropTarget: dialogEl,
        canUpload: roleCan(workspaceById(d.workspaceId)?.myRole, 'UPLOAD_FILES'),
      });
      shown.comments = commentsSection(d);
      body.replaceChildren(...cardLayout(d, parts, shown.attachments.el, shown.comments.el));
    } else {
      for (const [name, build] of PARTS) replacePart(name, build());
    }
    if (focusedTestId) body.querySelector(`[data-testid="${focusedTestId}"]`)?.focus();
  }

  return Object.assign(shown, { render, replacePart, cleanup: () => shown.attachments?.cleanup() });
}

/** The dialog's two columns: the card's content and conversation, and its facts beside. */
function cardLayout(d, parts, attachmentsEl, commentsEl) {
  const { board } = d;
  const personName = (id) => board.members?.find((m) => m.accountId === id)?.displayName ?? d.card.assignees?.find((a) => a.accountId === id)?.displayName ?? null;
  const activity = activityPanel({ workspaceId: d.workspaceId, boardId: d.boardId, cardId: d.cardId, embedded: true, personName, listName: (id) => board.lists.find((l) => l.id === id)?.name ?? null });
  const mainColumn = h(
    'div',
    { class: 'card-main' },
    parts.get('where'),
    parts.get('title'),
    parts.get('description'),
    parts.get('checklist'),
    attachmentsEl,
    commentsEl,
    h('details', { class: 'card-activity' }, h('summary', { i18n: 'activity.title' }), activity.el),
  );
  const side = h('div', { class: 'card-side' }, parts.get('assignees'), parts.get('labels'), parts.get('dates'), actionsSection(d));
  return [mainColumn, side];
}

function whereLine(d) {
  const list = d.board.lists.find((l) => l.id === d.card.listId);
  return h('div', { class: 'card-where-slot' }, list ? bind(h('p', { class: 'card-where', testid: 'card-list-name' }), { text: () => t('card.inList', { list: list.name }) }) : null);
}

function titleSection(d) {
  if (!d.editable) return null;
  const input = h('input', { type: 'text', class: 'input card-title-input', id: 'card-title-input', testid: 'card-title-input', value: d.card.title, maxlength: 1000 });
  const error = h('p', { class: 'field-error', role: 'alert' });
  async function save() {
    const title = input.value.replace(/\s+/g, ' ').trim();
    if (title === d.card.title) return;
    if (!title || tooLong(title, TITLE_MAX)) {
      bind(error, { text: title ? tx('validation.tooLong', { max: TITLE_MAX }) : tx('validation.required') });
      return;
    }
    bind(error, { text: () => '' });
    await d.patch({ title });
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    }
  });
  input.addEventListener('change', save);
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'card-title-input', i18n: 'card.title' }), input, error);
}

function datesSection(d) {
  const { editable } = d;
  const start = h('input', { type: 'datetime-local', class: 'input input-sm', id: 'card-start', testid: 'card-start', value: toLocalInput(d.card.startAt), disabled: !editable });
  const due = h('input', { type: 'datetime-local', class: 'input input-sm', id: 'card-due', testid: 'card-due-input', value: toLocalInput(d.card.dueAt), disabled: !editable });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const children = [
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'card-start', i18n: 'card.startAt' }), start),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'card-due', i18n: 'card.dueAtLabel' }), due),
    error,
  ];
  if (editable) {
    const save = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'card-dates-save', i18n: 'card.saveDates' });
    save.addEventListener('click', () =>
      withBusy(save, async () => {
        const startAt = fromLocalInput(start.value);
        const dueAt = fromLocalInput(due.value);
        if (startAt && dueAt && dueAt < startAt) {
          bind(error, { text: tx('card.dueBeforeStart') });
          return;
        }
        bind(error, { text: () => '' });
        if (await d.patch({ startAt: startAt ?? '', dueAt: dueAt ?? '' })) showToast(tx('card.saved'));
      }),
    );
    children.push(h('div', { class: 'composer-actions' }, save));
  }
  return section('card.dates', 'card-dates-section', ...children);
}

function actionsSection(d) {
  if (!d.editable) return null;
  const archive = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'card-archive', i18n: 'card.archive' });
  archive.addEventListener('click', () =>
    withBusy(archive, async () => {
      try {
        await api.updateCard(d.workspaceId, d.boardId, d.cardId, { archived: true }, d.card.version);
        showToast(() => t('card.archived', { title: d.card.title }));
        d.onArchived(d.cardId);
        d.close();
      } catch (err) {
        toastError(err);
      }
    }),
  );
  return section('card.actions', 'card-actions-section', archive);
}
