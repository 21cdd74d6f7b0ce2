/**
 * The card dialog's description: Markdown rendered by markdown.js (never as HTML), and for those
 * who may edit cards an editor with the mention picker; newly mentioned people who cannot read
 * the board are named as not notified.
 */
import { bind, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { renderMarkdown } from '../markdown.js';
import { showToast } from '../views/common.js';
import { markdownMentionIds, notDeliveredNotice } from '../mentions.js';
import { section, tooLong } from './card-section.js';

const DESCRIPTION_MAX = 20000;

/** @param {object} d the open card dialog (card-dialog.js) */
export function descriptionSection(d) {
  const view = h('div', { class: 'card-description', testid: 'card-description' });
  const empty = h('p', { class: 'muted', i18n: 'card.noDescription' });
  view.replaceChildren(d.card.description ? renderMarkdown(d.card.description) : empty);
  const children = [view];
  if (d.editable) children.push(...descriptionEditor(d, view));
  return section('card.description', 'card-description-section', ...children);
}

function descriptionEditor(d, view) {
  const edit = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'card-description-edit', i18n: d.card.description ? 'common.edit' : 'card.addDescription' });
  const textarea = h('textarea', { class: 'input textarea', rows: 8, id: 'card-description-input', testid: 'card-description-input' });
  bind(textarea, { attrs: { 'aria-label': () => t('card.description') } });
  const hint = h('p', { class: 'field-hint', id: 'card-description-hint', i18n: 'card.markdownHint' });
  textarea.setAttribute('aria-describedby', 'card-description-hint');
  const save = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'card-description-save', i18n: 'common.save' });
  const cancel = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', i18n: 'common.cancel' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const notice = h('div', { class: 'mention-notices' });
  const editor = h('div', { class: 'card-editor', hidden: true }, textarea, hint, error, h('div', { class: 'composer-actions' }, save, cancel));
  d.mentionable(textarea);
  edit.addEventListener('click', () => {
    textarea.value = d.card.description ?? '';
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
      const before = new Set(markdownMentionIds(d.card.description));
      if (await d.patch({ description })) {
        showToast(tx('card.saved'));
        // Newly mentioned people who cannot read the board are not notified: say so.
        const readers = new Set((await d.boardReaders()).map((p) => p.accountId));
        const missed = [...new Set(markdownMentionIds(description))].filter((id) => !before.has(id) && id !== d.me?.id && !readers.has(id));
        notice.replaceChildren(...[notDeliveredNotice(description, missed)].filter(Boolean));
      }
    }),
  );
  return [h('div', {}, edit), editor, notice];
}
