/**
 * The card dialog's assignees and labels: who and what the card carries, and for those who may
 * edit cards a picker of each (people who may be assigned; the board's labels, and a new label
 * for those who may manage labels). Every choice is one PATCH of the card.
 */
import * as api from '../api.js';
import { bind, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { showToast } from '../views/common.js';
import { colourPicker } from '../views/board-form.js';
import { personAvatar, toastError } from '../views/ui.js';
import { section, tooLong } from './card-section.js';

const LABEL_NAME_MAX = 40;

/** Who may be assigned to a card of the board, read once per dialog, by name. */
export async function assignable(d) {
  if (d.candidates) return d.candidates;
  const people = new Map();
  const add = (accountId, displayName) => {
    if (accountId && !people.has(accountId)) people.set(accountId, { accountId, displayName });
  };
  try {
    // Everyone but guests may be assigned; guests only when they are on the board.
    const members = await api.listMembers(d.workspaceId);
    members.filter((m) => m.role !== 'GUEST').forEach((m) => add(m.accountId, m.displayName));
  } catch {
    /* guests cannot read the directory: the board's own members and the current assignees remain */
  }
  (d.board.members ?? []).forEach((m) => add(m.accountId, m.displayName));
  (d.card.assignees ?? []).forEach((a) => add(a.accountId, a.displayName));
  d.candidates = [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return d.candidates;
}

/** A button that shows and hides a picker, filling it first. */
function pickerToggle(choose, picker, fill) {
  choose.addEventListener('click', async () => {
    if (!picker.hidden) {
      picker.hidden = true;
      choose.setAttribute('aria-expanded', 'false');
      return;
    }
    if ((await fill()) === false) return;
    picker.hidden = false;
    choose.setAttribute('aria-expanded', 'true');
    picker.querySelector('input')?.focus();
  });
}

/** @param {object} d the open card dialog (card-dialog.js) */
export function assigneesSection(d) {
  const current = new Set((d.card.assignees ?? []).map((a) => a.accountId));
  const shown = h('ul', { class: 'people-list', testid: 'card-assignees' });
  for (const person of d.card.assignees ?? []) {
    shown.append(h('li', { class: 'person' }, personAvatar(person.displayName, { small: true }), h('span', { text: person.displayName })));
  }
  if (!current.size) shown.append(h('li', { class: 'muted', i18n: 'card.nobodyAssigned' }));
  const children = [shown];
  if (d.editable) {
    const choose = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'card-assign', i18n: 'card.changeAssignees', 'aria-expanded': 'false' });
    const picker = h('fieldset', { class: 'picker', hidden: true, testid: 'assignee-picker' }, h('legend', { class: 'sr-only', i18n: 'card.assignees' }));
    pickerToggle(choose, picker, async () => {
      const people = await assignable(d);
      if (!d.alive()) return false;
      fillAssignees(d, picker, people, current);
      return true;
    });
    children.push(choose, picker);
  }
  return section('card.assignees', 'card-assignees-section', ...children);
}

function fillAssignees(d, picker, people, current) {
  const me = d.me;
  picker.replaceChildren(picker.firstChild);
  for (const person of people) {
    const box = h('input', { type: 'checkbox', value: person.accountId, checked: current.has(person.accountId), dataset: { accountId: person.accountId } });
    box.addEventListener('change', async () => {
      const ids = [...picker.querySelectorAll('input:checked')].map((i) => i.value);
      picker.querySelectorAll('input').forEach((i) => (i.disabled = true));
      await d.patch({ assigneeIds: ids });
    });
    picker.append(h('label', { class: 'check' }, box, personAvatar(person.displayName, { small: true }), h('span', { text: person.displayName })));
  }
  if (me && !current.has(me.id) && people.some((p) => p.accountId === me.id)) {
    const self = h('button', { type: 'button', class: 'link link-sm', testid: 'assign-me', i18n: 'card.assignMe' });
    self.addEventListener('click', () => d.patch({ assigneeIds: [...current, me.id] }));
    picker.append(self);
  }
}

function labelChip(label) {
  const chip = h('span', { class: 'label-chip', text: label.name });
  chip.style.setProperty('--label-colour', label.colour || '#64748b');
  return chip;
}

/** @param {object} d the open card dialog (card-dialog.js) */
export function labelsSection(d) {
  const current = new Set((d.card.labels ?? []).map((l) => l.id));
  const chips = h('p', { class: 'card-labels', testid: 'card-label-chips' });
  for (const label of d.card.labels ?? []) chips.append(labelChip(label));
  if (!current.size) chips.append(h('span', { class: 'muted', i18n: 'card.noLabels' }));
  const children = [chips];
  if (d.editable) {
    const choose = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'card-labels-edit', i18n: 'card.changeLabels', 'aria-expanded': 'false' });
    const picker = h('fieldset', { class: 'picker', hidden: true, testid: 'label-picker' }, h('legend', { class: 'sr-only', i18n: 'card.labels' }));
    pickerToggle(choose, picker, () => fillLabels(d, picker, current));
    children.push(choose, picker);
  }
  return section('card.labels', 'card-labels-section', ...children);
}

function fillLabels(d, picker, current) {
  picker.replaceChildren(picker.firstChild);
  for (const label of d.board.labels ?? []) {
    const box = h('input', { type: 'checkbox', value: label.id, checked: current.has(label.id) });
    box.addEventListener('change', async () => {
      const ids = [...picker.querySelectorAll('input[type="checkbox"]:checked')].map((i) => i.value);
      picker.querySelectorAll('input').forEach((i) => (i.disabled = true));
      await d.patch({ labelIds: ids });
    });
    picker.append(h('label', { class: 'check' }, box, labelChip(label)));
  }
  if (d.can('MANAGE_LABELS')) picker.append(newLabelForm(d, current));
}

function newLabelForm(d, current) {
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
        const label = await api.createLabel(d.workspaceId, d.boardId, { name: text, colour: colour.value });
        d.board.labels = [...(d.board.labels ?? []), label];
        await d.patch({ labelIds: [...current, label.id] });
      } catch (err) {
        toastError(err);
      }
    });
  });
  return form;
}
