/**
 * The board form (create and edit): name, description, colour (a palette of
 * radio buttons, or none), start date and deadline.
 */
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, field, maxLength, requiredText } from '../forms.js';

export const BOARD_NAME_MAX = 100;
export const BOARD_DESCRIPTION_MAX = 5000;

/** Colours offered for boards and labels (#rrggbb) with their translated names. */
export const PALETTE = [
  ['#4f46e5', 'colour.indigo'],
  ['#2563eb', 'colour.blue'],
  ['#0d9488', 'colour.teal'],
  ['#16a34a', 'colour.green'],
  ['#ca8a04', 'colour.yellow'],
  ['#ea580c', 'colour.orange'],
  ['#dc2626', 'colour.red'],
  ['#db2777', 'colour.pink'],
  ['#7c3aed', 'colour.purple'],
  ['#64748b', 'colour.grey'],
];

let paletteSeq = 0;

/**
 * A radio group of colour swatches.
 * @param {object} o
 * @param {string} o.legend dictionary key
 * @param {boolean} [o.allowNone] adds a "no colour" choice
 * @param {string} [o.testid]
 */
export function colourPicker({ legend, allowNone = true, testid = 'colour' }) {
  const name = `colour-${++paletteSeq}`;
  const choices = allowNone ? [['', 'colour.none'], ...PALETTE] : PALETTE;
  const fieldset = h(
    'fieldset',
    { class: 'swatches', testid },
    h('legend', { class: 'field-label', i18n: legend }),
    choices.map(([value, label]) => {
      const input = h('input', { type: 'radio', name, value, class: 'swatch-input', dataset: { colour: value || 'none' } });
      bind(input, { attrs: { 'aria-label': () => t(label) } });
      const swatch = h('span', { class: `swatch${value ? '' : ' swatch-none'}`, 'aria-hidden': 'true' });
      if (value) swatch.style.background = value;
      const wrap = h('label', { class: 'swatch-label' }, input, swatch);
      bind(wrap, { attrs: { title: () => t(label) } });
      return wrap;
    }),
  );
  return {
    el: fieldset,
    get value() {
      return fieldset.querySelector('input:checked')?.value ?? '';
    },
    set value(colour) {
      const wanted = (colour ?? '').toLowerCase();
      const input = [...fieldset.querySelectorAll('input')].find((i) => i.value === wanted) ?? (allowNone ? fieldset.querySelector('input[value=""]') : fieldset.querySelector('input'));
      if (input) input.checked = true;
    },
  };
}

/**
 * @param {object} o
 * @param {'create'|'edit'} o.mode
 * @param {(values: object) => Promise<void>} o.onSubmit throws ApiError to show it
 * @param {Node[]} [o.extraActions] buttons before the submit button
 */
export function boardForm({ mode, onSubmit, extraActions = [] }) {
  const prefix = `board-${mode}`;
  const name = field({ name: 'name', label: 'board.name', testid: `${prefix}-name`, attrs: { type: 'text', autocomplete: 'off', maxlength: 300 } });
  const description = field({ name: 'description', label: 'board.description', testid: `${prefix}-description`, control: 'textarea', attrs: { rows: 3 } });
  const colour = colourPicker({ legend: 'board.colour', testid: `${prefix}-colour` });
  colour.value = '';
  const startDate = field({ name: 'startDate', label: 'board.startDate', testid: `${prefix}-start`, attrs: { type: 'date' } });
  const deadline = field({ name: 'deadline', label: 'board.deadline', testid: `${prefix}-deadline`, attrs: { type: 'date' } });
  const region = h('div', { class: 'alert', role: 'alert', testid: `${prefix}-error` });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: `${prefix}-submit`, i18n: mode === 'create' ? 'boards.createSubmit' : 'common.save' });
  const form = h(
    'form',
    { class: 'form', testid: `${prefix}-form`, novalidate: true },
    region,
    name.el,
    description.el,
    colour.el,
    h('div', { class: 'form-grid' }, startDate.el, deadline.el),
    h('div', { class: 'form-actions' }, ...extraActions, submit),
  );
  const controller = new FormController(form, { region, submit, fields: { name, description, startDate, deadline } });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run(async () => {
      const values = {
        name: name.input.value.trim(),
        description: description.input.value.trim(),
        colour: colour.value,
        startDate: startDate.input.value,
        deadline: deadline.input.value,
      };
      const ok = controller.validate([
        [name, requiredText(values.name, BOARD_NAME_MAX)],
        [description, maxLength(values.description, BOARD_DESCRIPTION_MAX)],
        [deadline, values.startDate && values.deadline && values.deadline < values.startDate ? tx('board.deadlineBeforeStart') : null],
      ]);
      if (!ok) return;
      await onSubmit(values);
    });
  });

  return {
    form,
    controller,
    focus: () => name.input.focus(),
    fill(board) {
      name.input.value = board.name ?? '';
      description.input.value = board.description ?? '';
      colour.value = board.colour ?? '';
      startDate.input.value = board.startDate ?? '';
      deadline.input.value = board.deadline ?? '';
    },
  };
}
