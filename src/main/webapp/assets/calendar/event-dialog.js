/**
 * The event dialog: a form to create an event, or to edit one I may edit (title, all day or
 * start and end in the display zone, location, description, attendees; delete when I may),
 * else the event's details.
 */
import * as api from '../api.js';
import { bind, getDisplayTimeZone, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, field, maxLength, requiredText } from '../forms.js';
import { addDays, fromLocalInput, localDate, toLocalInput, today } from '../dates.js';
import { showToast } from '../views/common.js';
import { confirmDialog, openDialog } from '../views/ui.js';
import { itemDays } from './calendar-store.js';
import { describeItem } from './calendar-items.js';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 4000;
const LOCATION_MAX = 500;

/** The form's fields, empty. */
function eventFields() {
  const zone = h('p', { class: 'field-hint' });
  bind(zone, { text: () => t('event.timeZone', { zone: getDisplayTimeZone() }) });
  return {
    title: field({ name: 'title', label: 'event.title', testid: 'event-title', attrs: { type: 'text', maxlength: 1000 } }),
    allDay: h('input', { type: 'checkbox', id: 'event-all-day', testid: 'event-all-day' }),
    startDate: field({ name: 'start', label: 'event.startDate', testid: 'event-start-date', attrs: { type: 'date' } }),
    endDate: field({ name: 'end', label: 'event.endDate', testid: 'event-end-date', attrs: { type: 'date' } }),
    startTime: field({ name: 'start', label: 'event.start', testid: 'event-start', attrs: { type: 'datetime-local' } }),
    endTime: field({ name: 'end', label: 'event.end', testid: 'event-end', attrs: { type: 'datetime-local' } }),
    location: field({ name: 'location', label: 'event.location', testid: 'event-location', attrs: { type: 'text', maxlength: 2000 } }),
    description: field({ name: 'description', label: 'event.description', testid: 'event-description', control: 'textarea', attrs: { rows: 3 } }),
    attendees: h('fieldset', { class: 'picker picker-inline', testid: 'event-attendees' }, h('legend', { class: 'field-label', i18n: 'event.attendees' })),
    zone,
  };
}

/** The fields show the event, or a new event on date from 09:00 to 10:00. */
function fill(fields, event, date) {
  if (!event) {
    fields.startDate.input.value = date;
    fields.endDate.input.value = date;
    fields.startTime.input.value = `${date}T09:00`;
    fields.endTime.input.value = `${date}T10:00`;
    return;
  }
  fields.title.input.value = event.title;
  fields.allDay.checked = event.allDay;
  fields.location.input.value = event.location ?? '';
  fields.description.input.value = event.description ?? '';
  if (event.allDay) {
    const { first, last } = itemDays(event);
    fields.startDate.input.value = first;
    fields.endDate.input.value = last;
    fields.startTime.input.value = `${first}T09:00`;
    fields.endTime.input.value = `${first}T10:00`;
  } else {
    fields.startTime.input.value = toLocalInput(event.start);
    fields.endTime.input.value = toLocalInput(event.end);
    fields.startDate.input.value = localDate(event.start);
    fields.endDate.input.value = localDate(event.end);
  }
}

/** The workspace's members (and the event's attendees who left it) as checkboxes, attendees checked. */
function listAttendees(workspaceId, fieldset, event) {
  const chosen = new Set((event?.attendees ?? []).map((a) => a.accountId));
  api.listMembers(workspaceId).then(
    (members) => {
      const people = new Map(members.map((m) => [m.accountId, m.displayName]));
      (event?.attendees ?? []).forEach((a) => people.has(a.accountId) || people.set(a.accountId, a.displayName));
      for (const [accountId, name] of [...people].sort((a, b) => a[1].localeCompare(b[1]))) {
        const box = h('input', { type: 'checkbox', value: accountId, checked: chosen.has(accountId), dataset: { accountId } });
        fieldset.append(h('label', { class: 'check' }, box, h('span', { text: name })));
      }
    },
    () => fieldset.append(h('p', { class: 'muted', i18n: 'event.noDirectory' })),
  );
}

/** The form's values as the API takes them, and the checks on them ([field, message or null]). */
function readForm(fields) {
  const values = {
    title: fields.title.input.value.trim(),
    location: fields.location.input.value.trim(),
    description: fields.description.input.value.trim(),
    allDay: fields.allDay.checked,
    attendees: [...fields.attendees.querySelectorAll('input:checked')].map((i) => i.value),
  };
  const checks = [
    [fields.title, requiredText(values.title, TITLE_MAX)],
    [fields.location, maxLength(values.location, LOCATION_MAX)],
    [fields.description, maxLength(values.description, DESCRIPTION_MAX)],
  ];
  if (values.allDay) {
    const first = fields.startDate.input.value;
    const last = fields.endDate.input.value || first;
    checks.push([fields.startDate, first ? null : tx('validation.required')]);
    checks.push([fields.endDate, first && last < first ? tx('event.endBeforeStart') : null]);
    values.start = first;
    values.end = first ? addDays(last, 1) : '';
  } else {
    values.start = fromLocalInput(fields.startTime.input.value);
    values.end = fromLocalInput(fields.endTime.input.value);
    checks.push([fields.startTime, values.start ? null : tx('validation.required')]);
    checks.push([fields.endTime, !values.end ? tx('validation.required') : values.start && values.end <= values.start ? tx('event.endBeforeStart') : null]);
  }
  return { values, checks };
}

/** "Delete" (asks first); then the dialog closes and the calendar loads again. */
function deleteButton(page, event, dialog) {
  const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost', testid: 'event-delete', i18n: 'common.delete' });
  remove.addEventListener('click', async () => {
    const deleted = await confirmDialog({
      title: tx('event.deleteTitle'),
      message: () => t('event.deleteConfirm', { title: event.title }),
      confirm: 'common.delete',
      danger: true,
      testid: 'delete-event-confirm',
      action: () => api.deleteEvent(page.workspaceId, event.id, event.version),
    });
    if (!deleted) return;
    showToast(() => t('event.deleted', { title: event.title }));
    dialog().close();
    page.reload();
  });
  return remove;
}

/** Creates or saves; a new event outside the range shown moves the calendar to its day. */
async function save(page, event, values) {
  if (event) {
    await api.updateEvent(page.workspaceId, event.id, values, event.version);
    showToast(tx('event.saved'));
    return;
  }
  const body = { ...values };
  if (!body.location) delete body.location;
  if (!body.description) delete body.description;
  const created = await api.createEvent(page.workspaceId, body);
  showToast(() => t('event.created', { title: created.title }));
  // Show the week or month the new event is in.
  page.showDay(values.allDay ? values.start : localDate(values.start));
}

/**
 * @typedef {object} CalendarPage what the dialog asks of the calendar page
 * @property {string} workspaceId
 * @property {() => boolean} mayCreate
 * @property {() => void} reload loads the range shown again
 * @property {(day: string) => void} showDay shows the range a day is in, when it is not shown
 */

/**
 * The event dialog: a form when the caller may edit (or creates), else the details.
 * @param {CalendarPage} page
 * @returns {{close: () => void}}
 */
export function openEventDialog(page, { event = null, date = today(), onClosed = () => {} }) {
  const editable = event ? event.canEdit : page.mayCreate();
  if (event && !editable) return openEventDetails(event, onClosed);

  const fields = eventFields();
  fill(fields, event, date);
  const timed = h('div', { class: 'form-grid' }, fields.startTime.el, fields.endTime.el);
  const allDay = h('div', { class: 'form-grid' }, fields.startDate.el, fields.endDate.el);
  const syncAllDay = () => {
    timed.hidden = fields.allDay.checked;
    allDay.hidden = !fields.allDay.checked;
  };
  fields.allDay.addEventListener('change', syncAllDay);
  syncAllDay();
  listAttendees(page.workspaceId, fields.attendees, event);

  const region = h('div', { class: 'alert', role: 'alert', testid: 'event-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'event-save', i18n: event ? 'common.save' : 'event.create' });
  const buttons = event?.canDelete ? [deleteButton(page, event, () => handle)] : [];
  const form = h(
    'form',
    { class: 'form', testid: 'event-form', novalidate: true },
    region,
    fields.title.el,
    h('label', { class: 'check', for: 'event-all-day' }, fields.allDay, h('span', { i18n: 'event.allDay' })),
    timed,
    allDay,
    fields.zone,
    fields.location.el,
    fields.description.el,
    fields.attendees,
    h('div', { class: 'form-actions' }, buttons, submit),
  );
  const controller = new FormController(form, { region, submit, fields: { title: fields.title, location: fields.location, description: fields.description } });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    controller.run(async () => {
      const { values, checks } = readForm(fields);
      if (!controller.validate(checks)) return;
      try {
        await save(page, event, values);
      } catch (err) {
        if (err.type !== 'stale-version') throw err;
        controller.setMessage(tx('event.staleReloaded'));
        const current = err.problem?.current ?? (await api.getEvent(page.workspaceId, event.id));
        handle.close();
        openEventDialog(page, { event: current, onClosed });
        return;
      }
      handle.close();
      page.reload();
    });
  });

  const handle = openDialog({ title: event ? tx('event.editTitle') : tx('event.newTitle'), body: form, testid: 'event-dialog', onClose: onClosed });
  fields.title.input.focus();
  return handle;
}

/** An event I may not edit: when, where, what, who. */
function openEventDetails(event, onClosed) {
  const facts = h(
    'dl',
    { class: 'facts facts-column', testid: 'event-details' },
    h('div', {}, h('dt', { i18n: 'event.when' }), h('dd', { text: describeItem(event).replace(`${event.title}, `, '') })),
    event.location ? h('div', {}, h('dt', { i18n: 'event.location' }), h('dd', { text: event.location })) : null,
    event.description ? h('div', {}, h('dt', { i18n: 'event.description' }), h('dd', { class: 'prewrap', text: event.description })) : null,
    event.attendees?.length ? h('div', {}, h('dt', { i18n: 'event.attendees' }), h('dd', { text: event.attendees.map((a) => a.displayName).join(', ') })) : null,
    event.createdBy ? h('div', {}, h('dt', { i18n: 'event.createdBy' }), h('dd', { text: event.createdBy.displayName })) : null,
  );
  return openDialog({ title: () => event.title, body: facts, testid: 'event-dialog', onClose: onClosed });
}
