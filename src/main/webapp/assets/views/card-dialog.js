/**
 * The card dialog (#/w/{ws}/boards/{board}?card={id}): title, Markdown
 * description (rendered by markdown.js, never as HTML), assignees, labels,
 * start and due dates, checklist, comments and the card's activity.
 *
 * Every change is a PATCH with If-Match on the version read; when someone
 * else changed the card meanwhile (409 stale-version) the dialog shows the
 * current card and says so, and nothing is overwritten.
 */
import * as api from '../api.js';
import { bind, formatDateTime, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { fromLocalInput, toLocalInput } from '../dates.js';
import { renderMarkdown } from '../markdown.js';
import { getMe } from '../store.js';
import { showToast } from './common.js';
import { colourPicker } from './board-form.js';
import { activityPanel } from './activity.js';
import { cardAttachments } from './files.js';
import { can as roleCan, workspaceById } from '../workspaces.js';
import { confirmDialog, openDialog, personAvatar, statusLine, toastError } from './ui.js';
import { attachMentions, markdownMentionIds, notDeliveredNotice } from '../mentions.js';

const TITLE_MAX = 300;
const DESCRIPTION_MAX = 20000;
const COMMENT_MAX = 5000;
const CHECKLIST_MAX = 500;
const LABEL_NAME_MAX = 40;

const tooLong = (text, max) => Array.from(text).length > max;

function section(titleKey, testid, ...children) {
  const id = `card-section-${testid}`;
  return h('section', { class: 'card-section', testid, 'aria-labelledby': id }, h('h3', { class: 'card-section-title', id, i18n: titleKey }), ...children);
}

/**
 * @param {object} o
 * @param {string} o.workspaceId
 * @param {object} o.board the BoardDetail (labels, lists, members are read from it)
 * @param {string} o.cardId
 * @param {(action: string) => boolean} o.can the caller's board actions
 * @param {(card: object) => void} o.onChange a full Card after any change
 * @param {(cardId: string) => void} o.onArchived
 * @param {() => void} o.onClosed
 * @returns {{cardId: string, close: () => void}}
 */
export function openCardDialog({ workspaceId, board, cardId, can, onChange, onArchived, onClosed }) {
  const boardId = board.id;
  const me = getMe();
  const editable = can('EDIT_CARDS');
  let card = null;
  let alive = true;
  let attachments = null;
  let reloadComments = null; // the comments' first page again (someone else commented)

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
      attachments?.cleanup();
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
  function accept(next, { rerender = true } = {}) {
    card = next;
    bind(heading, { text: titleText });
    onChange(card);
    if (rerender) render();
  }

  /** PATCH with If-Match; a stale version shows the current card instead. */
  // The mention picker of descriptions and comments: who can read the board, asked once per dialog.
  let readers = null;
  function boardReaders() {
    readers ??= api.listBoardReaders(workspaceId, boardId).catch((err) => {
      readers = null;
      throw err;
    });
    return readers;
  }
  function mentionable(textarea) {
    return attachMentions(textarea, { people: boardReaders, exclude: me?.id });
  }

  async function patch(changes) {
    try {
      accept(await api.updateCard(workspaceId, boardId, cardId, changes, card.version));
      say(null);
      return true;
    } catch (err) {
      if (err.type === 'stale-version' || err.type === 'conflict') {
        const current = err.problem?.current ?? (await api.getCard(workspaceId, boardId, cardId));
        accept(current);
        say(tx('card.staleReloaded'));
        return false;
      }
      toastError(err);
      return false;
    }
  }

  // ------------------------------------------------------------------ title
  function titleSection() {
    if (!editable) return null;
    const input = h('input', { type: 'text', class: 'input card-title-input', id: 'card-title-input', testid: 'card-title-input', value: card.title, maxlength: 1000 });
    const error = h('p', { class: 'field-error', role: 'alert' });
    async function save() {
      const title = input.value.replace(/\s+/g, ' ').trim();
      if (title === card.title) return;
      if (!title || tooLong(title, TITLE_MAX)) {
        bind(error, { text: title ? tx('validation.tooLong', { max: TITLE_MAX }) : tx('validation.required') });
        return;
      }
      bind(error, { text: () => '' });
      await patch({ title });
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

  // ------------------------------------------------------------ description
  function descriptionSection() {
    const view = h('div', { class: 'card-description', testid: 'card-description' });
    const empty = h('p', { class: 'muted', i18n: 'card.noDescription' });
    function show() {
      view.replaceChildren(card.description ? renderMarkdown(card.description) : empty);
    }
    show();
    const children = [view];
    if (editable) {
      const edit = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'card-description-edit', i18n: card.description ? 'common.edit' : 'card.addDescription' });
      const textarea = h('textarea', { class: 'input textarea', rows: 8, id: 'card-description-input', testid: 'card-description-input' });
      bind(textarea, { attrs: { 'aria-label': () => t('card.description') } });
      const hint = h('p', { class: 'field-hint', id: 'card-description-hint', i18n: 'card.markdownHint' });
      textarea.setAttribute('aria-describedby', 'card-description-hint');
      const save = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'card-description-save', i18n: 'common.save' });
      const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
      const error = h('p', { class: 'field-error', role: 'alert' });
      const notice = h('div', { class: 'mention-notices' });
      const editor = h('div', { class: 'card-editor', hidden: true }, textarea, hint, error, h('div', { class: 'composer-actions' }, save, cancel));
      mentionable(textarea);
      edit.addEventListener('click', () => {
        textarea.value = card.description ?? '';
        editor.hidden = false;
        view.hidden = true;
        edit.hidden = true;
        textarea.focus();
      });
      const close = () => {
        editor.hidden = true;
        view.hidden = false;
        edit.hidden = false;
        edit.focus();
      };
      cancel.addEventListener('click', close);
      textarea.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          close();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          save.click();
        }
      });
      save.addEventListener('click', () =>
        withBusy(save, async () => {
          const description = textarea.value.trim();
          if (tooLong(description, DESCRIPTION_MAX)) {
            bind(error, { text: tx('validation.tooLong', { max: DESCRIPTION_MAX }) });
            return;
          }
          const before = new Set(markdownMentionIds(card.description));
          if (await patch({ description })) {
            showToast(tx('card.saved'));
            // Newly mentioned people who cannot read the board are not notified: say so.
            const readers = new Set((await boardReaders()).map((p) => p.accountId));
            const missed = [...new Set(markdownMentionIds(description))].filter((id) => !before.has(id) && id !== me?.id && !readers.has(id));
            notice.replaceChildren(...[notDeliveredNotice(description, missed)].filter(Boolean));
          }
        }),
      );
      children.push(h('div', {}, edit), editor, notice);
    }
    return section('card.description', 'card-description-section', ...children);
  }

  // -------------------------------------------------------------- checklist
  function checklistSection() {
    const items = [...(card.checklist ?? [])].sort((a, b) => a.position - b.position);
    const done = items.filter((i) => i.done).length;
    const progress = h('progress', { class: 'checklist-progress', max: items.length || 1, value: done, testid: 'checklist-progress' });
    bind(progress, { attrs: { 'aria-label': () => t('card.checklistProgress', { done, total: items.length }) } });
    const list = h('ul', { class: 'checklist', testid: 'checklist' });
    for (const item of items) {
      const box = h('input', { type: 'checkbox', id: `check-${item.id}`, checked: item.done, disabled: !editable, testid: 'checklist-toggle' });
      box.addEventListener('change', async () => {
        box.disabled = true;
        try {
          const updated = await api.updateChecklistItem(workspaceId, boardId, cardId, item.id, { done: box.checked }, item.version);
          Object.assign(item, updated);
          refresh();
        } catch (err) {
          box.checked = item.done;
          toastError(err);
          if (err.status === 409) refresh({ reload: true });
        } finally {
          box.disabled = !editable;
        }
      });
      const row = h(
        'li',
        { class: `checklist-item${item.done ? ' is-done' : ''}`, testid: 'checklist-item', dataset: { itemId: item.id } },
        box,
        h('label', { for: `check-${item.id}`, class: 'checklist-text', text: item.content }),
      );
      if (editable) {
        const remove = h('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-icon', testid: 'checklist-remove', text: '×' });
        bind(remove, { attrs: { 'aria-label': () => t('card.removeItem', { item: item.content }), title: () => t('card.removeItem', { item: item.content }) } });
        remove.addEventListener('click', () =>
          withBusy(remove, async () => {
            try {
              await api.deleteChecklistItem(workspaceId, boardId, cardId, item.id);
              card.checklist = card.checklist.filter((i) => i.id !== item.id);
              refresh();
            } catch (err) {
              toastError(err);
            }
          }),
        );
        row.append(remove);
      }
      list.append(row);
    }
    const children = [items.length ? progress : null, list];
    if (editable) {
      const input = h('input', { type: 'text', class: 'input input-sm', testid: 'checklist-new', maxlength: 1000 });
      bind(input, { attrs: { 'aria-label': () => t('card.newItem'), placeholder: () => t('card.newItem') } });
      const add = h('button', { type: 'submit', class: 'btn btn-secondary btn-sm', testid: 'checklist-add', i18n: 'common.add' });
      const form = h('form', { class: 'inline-add' }, input, add);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        withBusy(add, async () => {
          const content = input.value.trim();
          if (!content) return;
          if (tooLong(content, CHECKLIST_MAX)) {
            showToast(tx('validation.tooLong', { max: CHECKLIST_MAX }), { variant: 'error' });
            return;
          }
          try {
            const item = await api.addChecklistItem(workspaceId, boardId, cardId, content);
            card.checklist = [...(card.checklist ?? []), item];
            refresh({ focusNew: true });
          } catch (err) {
            toastError(err);
          }
        });
      });
      children.push(form);
    }
    return section('card.checklist', 'card-checklist-section', ...children);
  }

  /** After a checklist change: the board's counters follow, the section is redrawn. */
  async function refresh({ reload = false, focusNew = false } = {}) {
    if (reload) card = await api.getCard(workspaceId, boardId, cardId);
    onChange(card);
    const next = checklistSection();
    parts.get('checklist')?.replaceWith(next);
    parts.set('checklist', next);
    if (focusNew) next.querySelector('[data-testid="checklist-new"]')?.focus();
  }

  // ---------------------------------------------------------------- people
  let candidates = null;
  async function loadCandidates() {
    if (candidates) return candidates;
    const people = new Map();
    const add = (accountId, displayName) => {
      if (accountId && !people.has(accountId)) people.set(accountId, { accountId, displayName });
    };
    try {
      // Everyone but guests may be assigned; guests only when they are on the board.
      const members = await api.listMembers(workspaceId);
      members.filter((m) => m.role !== 'GUEST').forEach((m) => add(m.accountId, m.displayName));
    } catch {
      /* guests cannot read the directory: the board's own members and the current assignees remain */
    }
    (board.members ?? []).forEach((m) => add(m.accountId, m.displayName));
    (card.assignees ?? []).forEach((a) => add(a.accountId, a.displayName));
    candidates = [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
    return candidates;
  }

  function assigneesSection() {
    const current = new Set((card.assignees ?? []).map((a) => a.accountId));
    const shown = h('ul', { class: 'people-list', testid: 'card-assignees' });
    for (const person of card.assignees ?? []) {
      shown.append(h('li', { class: 'person' }, personAvatar(person.displayName, { small: true }), h('span', { text: person.displayName })));
    }
    if (!current.size) shown.append(h('li', { class: 'muted', i18n: 'card.nobodyAssigned' }));
    const children = [shown];
    if (editable) {
      const choose = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'card-assign', i18n: 'card.changeAssignees', 'aria-expanded': 'false' });
      const picker = h('fieldset', { class: 'picker', hidden: true, testid: 'assignee-picker' }, h('legend', { class: 'sr-only', i18n: 'card.assignees' }));
      choose.addEventListener('click', async () => {
        if (!picker.hidden) {
          picker.hidden = true;
          choose.setAttribute('aria-expanded', 'false');
          return;
        }
        const people = await loadCandidates();
        if (!alive) return;
        picker.replaceChildren(picker.firstChild);
        for (const person of people) {
          const box = h('input', { type: 'checkbox', value: person.accountId, checked: current.has(person.accountId), dataset: { accountId: person.accountId } });
          box.addEventListener('change', async () => {
            const ids = [...picker.querySelectorAll('input:checked')].map((i) => i.value);
            picker.querySelectorAll('input').forEach((i) => (i.disabled = true));
            await patch({ assigneeIds: ids });
          });
          picker.append(h('label', { class: 'check' }, box, personAvatar(person.displayName, { small: true }), h('span', { text: person.displayName })));
        }
        if (me && !current.has(me.id) && people.some((p) => p.accountId === me.id)) {
          const self = h('button', { type: 'button', class: 'link link-sm', testid: 'assign-me', i18n: 'card.assignMe' });
          self.addEventListener('click', () => patch({ assigneeIds: [...current, me.id] }));
          picker.append(self);
        }
        picker.hidden = false;
        choose.setAttribute('aria-expanded', 'true');
        picker.querySelector('input')?.focus();
      });
      children.push(choose, picker);
    }
    return section('card.assignees', 'card-assignees-section', ...children);
  }

  // ---------------------------------------------------------------- labels
  function labelsSection() {
    const current = new Set((card.labels ?? []).map((l) => l.id));
    const chips = h('p', { class: 'card-labels', testid: 'card-label-chips' });
    for (const label of card.labels ?? []) {
      const chip = h('span', { class: 'label-chip', text: label.name });
      chip.style.setProperty('--label-colour', label.colour || '#64748b');
      chips.append(chip);
    }
    if (!current.size) chips.append(h('span', { class: 'muted', i18n: 'card.noLabels' }));
    const children = [chips];
    if (editable) {
      const choose = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'card-labels-edit', i18n: 'card.changeLabels', 'aria-expanded': 'false' });
      const picker = h('fieldset', { class: 'picker', hidden: true, testid: 'label-picker' }, h('legend', { class: 'sr-only', i18n: 'card.labels' }));
      function fill() {
        picker.replaceChildren(picker.firstChild);
        for (const label of board.labels ?? []) {
          const box = h('input', { type: 'checkbox', value: label.id, checked: current.has(label.id) });
          box.addEventListener('change', async () => {
            const ids = [...picker.querySelectorAll('input[type="checkbox"]:checked')].map((i) => i.value);
            picker.querySelectorAll('input').forEach((i) => (i.disabled = true));
            await patch({ labelIds: ids });
          });
          const swatch = h('span', { class: 'label-chip', text: label.name });
          swatch.style.setProperty('--label-colour', label.colour || '#64748b');
          picker.append(h('label', { class: 'check' }, box, swatch));
        }
        if (can('MANAGE_LABELS')) picker.append(newLabelForm());
      }
      function newLabelForm() {
        const name = h('input', { type: 'text', class: 'input input-sm', testid: 'label-new-name', maxlength: 200 });
        bind(name, { attrs: { 'aria-label': () => t('card.newLabelName'), placeholder: () => t('card.newLabelName') } });
        const colour = colourPicker({ legend: 'card.newLabelColour', allowNone: false, testid: 'label-new-colour' });
        colour.value = '#4f46e5';
        const add = h('button', { type: 'submit', class: 'btn btn-secondary btn-sm', testid: 'label-new-submit', i18n: 'card.createLabel' });
        const form = h('form', { class: 'new-label' }, name, colour.el, add);
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          withBusy(add, async () => {
            const text = name.value.trim();
            if (!text) return;
            if (tooLong(text, LABEL_NAME_MAX)) {
              showToast(tx('validation.tooLong', { max: LABEL_NAME_MAX }), { variant: 'error' });
              return;
            }
            try {
              const label = await api.createLabel(workspaceId, boardId, { name: text, colour: colour.value });
              board.labels = [...(board.labels ?? []), label];
              await patch({ labelIds: [...current, label.id] });
            } catch (err) {
              toastError(err);
            }
          });
        });
        return form;
      }
      choose.addEventListener('click', () => {
        if (!picker.hidden) {
          picker.hidden = true;
          choose.setAttribute('aria-expanded', 'false');
          return;
        }
        fill();
        picker.hidden = false;
        choose.setAttribute('aria-expanded', 'true');
        picker.querySelector('input')?.focus();
      });
      children.push(choose, picker);
    }
    return section('card.labels', 'card-labels-section', ...children);
  }

  // ----------------------------------------------------------------- dates
  function datesSection() {
    const start = h('input', { type: 'datetime-local', class: 'input input-sm', id: 'card-start', testid: 'card-start', value: toLocalInput(card.startAt), disabled: !editable });
    const due = h('input', { type: 'datetime-local', class: 'input input-sm', id: 'card-due', testid: 'card-due-input', value: toLocalInput(card.dueAt), disabled: !editable });
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
          if (await patch({ startAt: startAt ?? '', dueAt: dueAt ?? '' })) showToast(tx('card.saved'));
        }),
      );
      children.push(h('div', { class: 'composer-actions' }, save));
    }
    return section('card.dates', 'card-dates-section', ...children);
  }

  // -------------------------------------------------------------- comments
  function commentsSection() {
    const list = h('ol', { class: 'comment-list', testid: 'comment-list' });
    const cstatus = statusLine('comments-status');
    const more = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.loadMore', hidden: true });
    let cursor = null;

    function commentItem(comment, notice = null) {
      const when = bind(h('time', { class: 'comment-time', datetime: comment.createdAt }), {
        text: () => formatRelative(comment.createdAt) + (comment.editedAt ? ` · ${t('card.edited')}` : ''),
        attrs: { title: () => formatDateTime(comment.createdAt) },
      });
      const text = h('div', { class: 'comment-body', testid: 'comment-body' }, renderMarkdown(comment.body));
      const actions = h('div', { class: 'comment-actions' });
      const item = h(
        'li',
        { class: 'comment', testid: 'comment', dataset: { commentId: comment.id } },
        personAvatar(comment.authorName, { small: true }),
        h('div', { class: 'comment-main' }, h('p', { class: 'comment-meta' }, h('strong', { text: comment.authorName }), ' ', when), text, notice, actions),
      );
      const mine = comment.authorId === me?.id;
      if (mine && can('COMMENT')) {
        const edit = h('button', { type: 'button', class: 'link link-sm', testid: 'comment-edit', i18n: 'common.edit' });
        edit.addEventListener('click', () => {
          const area = h('textarea', { class: 'input textarea', rows: 3, testid: 'comment-edit-input' });
          area.value = comment.body;
          bind(area, { attrs: { 'aria-label': () => t('card.editComment') } });
          const save = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'comment-edit-save', i18n: 'common.save' });
          const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
          const editor = h('div', { class: 'card-editor' }, area, h('div', { class: 'composer-actions' }, save, cancel));
          const picker = mentionable(area);
          text.replaceWith(editor);
          actions.hidden = true;
          area.focus();
          const back = () => {
            editor.replaceWith(text);
            actions.hidden = false;
            edit.focus();
          };
          cancel.addEventListener('click', back);
          save.addEventListener('click', () =>
            withBusy(save, async () => {
              const value = area.value.trim();
              if (!value || tooLong(value, COMMENT_MAX)) return;
              try {
                const updated = await api.updateComment(workspaceId, boardId, cardId, comment.id, value, comment.version);
                picker.detach();
                item.replaceWith(commentItem(updated, notDeliveredNotice(updated.body, updated.mentionsNotDelivered)));
              } catch (err) {
                toastError(err);
              }
            }),
          );
        });
        actions.append(edit);
      }
      if (mine || can('MODERATE_COMMENTS')) {
        const remove = h('button', { type: 'button', class: 'link link-sm link-danger', testid: 'comment-delete', i18n: 'common.delete' });
        remove.addEventListener('click', async () => {
          const removed = await confirmDialog({
            title: tx('card.deleteCommentTitle'),
            message: tx('card.deleteCommentConfirm'),
            confirm: 'common.delete',
            danger: true,
            testid: 'delete-comment-confirm',
            action: () => api.deleteComment(workspaceId, boardId, cardId, comment.id),
          });
          if (!removed) return;
          item.remove();
          card.comments = Math.max(0, (card.comments ?? 1) - 1);
          onChange(card);
        });
        actions.append(remove);
      }
      return item;
    }

    async function load({ append = false } = {}) {
      cstatus.set(tx('common.loading'));
      try {
        const page = await api.listComments(workspaceId, boardId, cardId, { cursor: append ? cursor : null });
        if (!alive) return;
        const items = page.items.map((comment) => commentItem(comment));
        if (append) list.append(...items);
        else list.replaceChildren(...items);
        cursor = page.nextCursor;
        more.hidden = !cursor;
        cstatus.set(list.children.length ? null : tx('card.noComments'));
      } catch (err) {
        if (!alive || err.sessionEnded) return;
        cstatus.set(describeError(err), { variant: 'error', retry: () => load({ append }) });
      }
    }
    more.addEventListener('click', () => withBusy(more, () => load({ append: true })));
    reloadComments = () => load();

    const children = [cstatus.el, list, more];
    if (can('COMMENT')) {
      const area = h('textarea', { class: 'input textarea', rows: 3, id: 'new-comment', testid: 'comment-input' });
      bind(area, { attrs: { placeholder: () => t('card.commentPlaceholder') } });
      const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'comment-submit', i18n: 'card.comment' });
      const error = h('p', { class: 'field-error', role: 'alert' });
      const form = h('form', { class: 'comment-form' }, h('label', { class: 'sr-only', for: 'new-comment', i18n: 'card.writeComment' }), area, error, h('div', { class: 'composer-actions' }, submit));
      mentionable(area);
      area.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          form.requestSubmit();
        }
      });
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        withBusy(submit, async () => {
          const value = area.value.trim();
          bind(error, { text: () => '' });
          if (!value) return;
          if (tooLong(value, COMMENT_MAX)) {
            bind(error, { text: tx('validation.tooLong', { max: COMMENT_MAX }) });
            return;
          }
          try {
            const comment = await api.addComment(workspaceId, boardId, cardId, value);
            // Comments read oldest first: a new one goes last (when the last page is shown).
            if (!cursor) list.append(commentItem(comment, notDeliveredNotice(comment.body, comment.mentionsNotDelivered)));
            area.value = '';
            cstatus.set(null);
            card.comments = (card.comments ?? 0) + 1;
            onChange(card);
          } catch (err) {
            if (!err.sessionEnded) bind(error, { text: describeError(err) });
          }
        });
      });
      children.push(form);
    }
    load();
    return section('card.comments', 'card-comments-section', ...children);
  }

  // ----------------------------------------------------------- attachments
  function attachmentsSection() {
    attachments = cardAttachments({
      workspaceId,
      cardId,
      dropTarget: handle.dialog,
      canUpload: roleCan(workspaceById(workspaceId)?.myRole, 'UPLOAD_FILES'),
    });
    return attachments.el;
  }

  // --------------------------------------------------------------- actions
  function actionsSection() {
    if (!editable) return null;
    const archive = h('button', { type: 'button', class: 'btn btn-danger-ghost btn-sm', testid: 'card-archive', i18n: 'card.archive' });
    archive.addEventListener('click', () =>
      withBusy(archive, async () => {
        try {
          await api.updateCard(workspaceId, boardId, cardId, { archived: true }, card.version);
          showToast(() => t('card.archived', { title: card.title }));
          onArchived(cardId);
          handle.close();
        } catch (err) {
          toastError(err);
        }
      }),
    );
    return section('card.actions', 'card-actions-section', archive);
  }

  function whereLine() {
    const list = board.lists.find((l) => l.id === card.listId);
    return h('div', { class: 'card-where-slot' }, list ? bind(h('p', { class: 'card-where', testid: 'card-list-name' }), { text: () => t('card.inList', { list: list.name }) }) : null);
  }

  /** The parts that show the card itself; comments and activity are built once. */
  const PARTS = [
    ['where', whereLine],
    ['title', () => h('div', { class: 'card-title-slot' }, titleSection())],
    ['description', descriptionSection],
    ['checklist', checklistSection],
    ['assignees', assigneesSection],
    ['labels', labelsSection],
    ['dates', datesSection],
  ];
  const parts = new Map();

  function render() {
    // Keep focus where it was when a part is redrawn.
    const focusedTestId = body.contains(document.activeElement) ? document.activeElement?.dataset?.testid : null;
    if (!parts.size) {
      for (const [name, build] of PARTS) parts.set(name, build());
      const personName = (id) => board.members?.find((m) => m.accountId === id)?.displayName ?? card.assignees?.find((a) => a.accountId === id)?.displayName ?? null;
      const activity = activityPanel({ workspaceId, boardId, cardId, embedded: true, personName, listName: (id) => board.lists.find((l) => l.id === id)?.name ?? null });
      const mainColumn = h(
        'div',
        { class: 'card-main' },
        parts.get('where'),
        parts.get('title'),
        parts.get('description'),
        parts.get('checklist'),
        attachmentsSection(),
        commentsSection(),
        h('details', { class: 'card-activity' }, h('summary', { i18n: 'activity.title' }), activity.el),
      );
      const side = h('div', { class: 'card-side' }, parts.get('assignees'), parts.get('labels'), parts.get('dates'), actionsSection());
      body.replaceChildren(mainColumn, side);
    } else {
      for (const [name, build] of PARTS) {
        const next = build();
        parts.get(name).replaceWith(next);
        parts.set(name, next);
      }
    }
    if (focusedTestId) body.querySelector(`[data-testid="${focusedTestId}"]`)?.focus();
  }

  (async () => {
    status.set(tx('common.loading'));
    try {
      card = await api.getCard(workspaceId, boardId, cardId);
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
    if (String(kind).startsWith('comment.')) reloadComments?.();
    const active = document.activeElement;
    if (body.contains(active) && active.matches('input, textarea, select, [contenteditable="true"]')) return;
    try {
      const next = await api.getCard(workspaceId, boardId, cardId);
      if (alive) accept(next);
    } catch (err) {
      if (!alive || err.sessionEnded) return;
      if (err.status === 404) say(tx('card.notFound'), 'error');
    }
  }

  return { cardId, close: () => handle.close(), refresh };
}
