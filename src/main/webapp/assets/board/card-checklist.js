/**
 * The card dialog's checklist: progress, items to tick (for those who may edit cards) and to
 * remove, and a field that adds one. After each change the board's counters follow (onChange)
 * and the section is drawn again.
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { showToast } from '../views/common.js';
import { toastError } from '../views/ui.js';
import { section, tooLong } from './card-section.js';

const CHECKLIST_MAX = 500;

/** @param {object} d the open card dialog (card-dialog.js) */
export function checklistSection(d) {
  const items = [...(d.card.checklist ?? [])].sort((a, b) => a.position - b.position);
  const done = items.filter((i) => i.done).length;
  const progress = h('progress', { class: 'checklist-progress', max: items.length || 1, value: done, testid: 'checklist-progress' });
  bind(progress, { attrs: { 'aria-label': () => t('card.checklistProgress', { done, total: items.length }) } });
  const list = h('ul', { class: 'checklist', testid: 'checklist' }, items.map((item) => checklistItem(d, item)));
  const children = [items.length ? progress : null, list];
  if (d.editable) children.push(newItemForm(d));
  return section('card.checklist', 'card-checklist-section', ...children);
}

/** After a checklist change: the board's counters follow, the section is drawn again. */
async function changed(d, { reload = false, focusNew = false } = {}) {
  if (reload) d.card = await api.getCard(d.workspaceId, d.boardId, d.cardId);
  d.onChange(d.card);
  const next = d.replacePart('checklist', checklistSection(d));
  if (focusNew) next.querySelector('[data-testid="checklist-new"]')?.focus();
}

function checklistItem(d, item) {
  const { workspaceId, boardId, cardId, editable } = d;
  const box = h('input', { type: 'checkbox', id: `check-${item.id}`, checked: item.done, disabled: !editable, testid: 'checklist-toggle' });
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      const updated = await api.updateChecklistItem(workspaceId, boardId, cardId, item.id, { done: box.checked }, item.version);
      Object.assign(item, updated);
      changed(d);
    } catch (err) {
      box.checked = item.done;
      toastError(err);
      if (err.status === 409) changed(d, { reload: true });
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
          d.card.checklist = d.card.checklist.filter((i) => i.id !== item.id);
          changed(d);
        } catch (err) {
          toastError(err);
        }
      }),
    );
    row.append(remove);
  }
  return row;
}

function newItemForm(d) {
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
        const item = await api.addChecklistItem(d.workspaceId, d.boardId, d.cardId, content);
        d.card.checklist = [...(d.card.checklist ?? []), item];
        changed(d, { focusNew: true });
      } catch (err) {
        toastError(err);
      }
    });
  });
  return form;
}
