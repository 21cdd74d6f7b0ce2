/**
 * The card dialog's comments: read oldest first a page at a time ("Load more" follows the
 * server's cursor), each in Markdown; my own can be edited, mine (or anyone's, for those who
 * moderate) deleted; a new one is written with the mention picker, and people it names who cannot
 * read the board are named as not notified.
 */
import * as api from '../api.js';
import { bind, formatDateTime, formatRelative, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { renderMarkdown } from '../markdown.js';
import { notDeliveredNotice } from '../mentions.js';
import { confirmDialog, personAvatar, statusLine, toastError } from '../views/ui.js';
import { section, tooLong } from './card-section.js';

const COMMENT_MAX = 5000;

/**
 * Built once per dialog; `reload()` reads the first page again (someone else commented).
 * @param {object} d the open card dialog (card-dialog.js)
 * @returns {{el: HTMLElement, reload: () => Promise<void>}}
 */
export function commentsSection(d) {
  const list = h('ol', { class: 'comment-list', testid: 'comment-list' });
  const status = statusLine('comments-status');
  const more = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.loadMore', hidden: true });
  const comments = { list, status, cursor: null };

  async function load({ append = false } = {}) {
    status.set(tx('common.loading'));
    try {
      const page = await api.listComments(d.workspaceId, d.boardId, d.cardId, { cursor: append ? comments.cursor : null });
      if (!d.alive()) return;
      const items = page.items.map((comment) => commentItem(d, comment));
      if (append) list.append(...items);
      else list.replaceChildren(...items);
      comments.cursor = page.nextCursor;
      more.hidden = !comments.cursor;
      status.set(list.children.length ? null : tx('card.noComments'));
    } catch (err) {
      if (!d.alive() || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error', retry: () => load({ append }) });
    }
  }
  more.addEventListener('click', () => withBusy(more, () => load({ append: true })));

  const children = [status.el, list, more];
  if (d.can('COMMENT')) children.push(commentForm(d, comments));
  load();
  return { el: section('card.comments', 'card-comments-section', ...children), reload: () => load() };
}

function commentItem(d, comment, notice = null) {
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
  const mine = comment.authorId === d.me?.id;
  if (mine && d.can('COMMENT')) actions.append(editButton(d, comment, { item, text, actions }));
  if (mine || d.can('MODERATE_COMMENTS')) actions.append(deleteButton(d, comment, item));
  return item;
}

/** Edit: the comment's text turns into an editor until saved or cancelled. */
function editButton(d, comment, { item, text, actions }) {
  const edit = h('button', { type: 'button', class: 'link link-sm', testid: 'comment-edit', i18n: 'common.edit' });
  edit.addEventListener('click', () => {
    const area = h('textarea', { class: 'input textarea', rows: 3, testid: 'comment-edit-input' });
    area.value = comment.body;
    bind(area, { attrs: { 'aria-label': () => t('card.editComment') } });
    const save = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'comment-edit-save', i18n: 'common.save' });
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
    const editor = h('div', { class: 'card-editor' }, area, h('div', { class: 'composer-actions' }, save, cancel));
    const picker = d.mentionable(area);
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
          const updated = await api.updateComment(d.workspaceId, d.boardId, d.cardId, comment.id, value, comment.version);
          picker.detach();
          item.replaceWith(commentItem(d, updated, notDeliveredNotice(updated.body, updated.mentionsNotDelivered)));
        } catch (err) {
          toastError(err);
        }
      }),
    );
  });
  return edit;
}

function deleteButton(d, comment, item) {
  const remove = h('button', { type: 'button', class: 'link link-sm link-danger', testid: 'comment-delete', i18n: 'common.delete' });
  remove.addEventListener('click', async () => {
    const removed = await confirmDialog({
      title: tx('card.deleteCommentTitle'),
      message: tx('card.deleteCommentConfirm'),
      confirm: 'common.delete',
      danger: true,
      testid: 'delete-comment-confirm',
      action: () => api.deleteComment(d.workspaceId, d.boardId, d.cardId, comment.id),
    });
    if (!removed) return;
    item.remove();
    d.card.comments = Math.max(0, (d.card.comments ?? 1) - 1);
    d.onChange(d.card);
  });
  return remove;
}

/** The new comment's form; Ctrl/⌘+Enter sends. */
function commentForm(d, comments) {
  const area = h('textarea', { class: 'input textarea', rows: 3, id: 'new-comment', testid: 'comment-input' });
  bind(area, { attrs: { placeholder: () => t('card.commentPlaceholder') } });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'comment-submit', i18n: 'card.comment' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'comment-form' }, h('label', { class: 'sr-only', for: 'new-comment', i18n: 'card.writeComment' }), area, error, h('div', { class: 'composer-actions' }, submit));
  d.mentionable(area);
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
        const comment = await api.addComment(d.workspaceId, d.boardId, d.cardId, value);
        // Comments read oldest first: a new one goes last (when the last page is shown).
        if (!comments.cursor) comments.list.append(commentItem(d, comment, notDeliveredNotice(comment.body, comment.mentionsNotDelivered)));
        area.value = '';
        comments.status.set(null);
        d.card.comments = (d.card.comments ?? 0) + 1;
        d.onChange(d.card);
      } catch (err) {
        if (!err.sessionEnded) bind(error, { text: describeError(err) });
      }
    });
  });
  return form;
}
