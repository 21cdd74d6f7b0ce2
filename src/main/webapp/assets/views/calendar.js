/**
 * The workspace calendar: a month view, a week view and an agenda (the month's
 * days that have something, as a list) of its events and of the cards that have dates (GET …/calendar?from=&to=&tz=), in the profile's
 * time zone; creating, editing and deleting events in a dialog.
 *
 * The view and the date live in the URL (#/w/{ws}/calendar?view=week&date=
 * 2025-03-04), as does an open event. Without a view in the URL a phone-wide
 * window shows the agenda, a wider one the month (&event={id}, the notifications' link),
 * so a reload or a shared link shows the same thing. "Subscribe" opens my
 * private iCalendar feed (calendar-feed.js).
 */
import * as api from '../api.js';
import { bind, formatWith, getDisplayTimeZone, getLanguage, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { FormController, describeError, field, maxLength, requiredText } from '../forms.js';
import {
  addDays,
  addMonths,
  dateAtNoonUtc,
  daysBetween,
  fromLocalInput,
  localDate,
  parseDate,
  startOfMonth,
  startOfWeek,
  toLocalInput,
  today,
} from '../dates.js';
import { hrefWithQuery, navigate } from '../router.js';
import { showToast } from './common.js';
import { openCalendarFeedDialog } from './calendar-feed.js';
import { icon } from '../icons.js';
import { confirmDialog, openDialog, statusLine, toastError } from './ui.js';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 4000;
const LOCATION_MAX = 500;
const WEEK_START = 0; // Sunday, as calendars in Korea and the US show it

/** Calendar actions by workspace role (docs/permissions.md#calendar); the server decides anyway. */
const CREATE_EVENT = ['OWNER', 'MANAGER', 'MEMBER'];

const VIEWS = ['month', 'week', 'agenda'];
const PHONE = '(max-width: 760px)';

const dateFormat = (text, options) => new Intl.DateTimeFormat(getLanguage(), { ...options, timeZone: 'UTC' }).format(dateAtNoonUtc(text));

/** The local days an item covers, first and last (inclusive), in the display zone. */
export function itemDays(item, zone = getDisplayTimeZone()) {
  if (item.allDay) {
    const first = item.start.slice(0, 10);
    const endExclusive = item.end ? item.end.slice(0, 10) : addDays(first, 1);
    return { first, last: daysBetween(first, endExclusive) > 0 ? addDays(endExclusive, -1) : first };
  }
  const start = Date.parse(item.start);
  const end = Date.parse(item.end ?? item.start);
  // A timed item ending exactly at midnight does not show on the next day.
  const lastInstant = end > start ? end - 1 : end;
  return { first: localDate(new Date(start).toISOString(), zone), last: localDate(new Date(lastInstant).toISOString(), zone) };
}

/** "09:00" style time of an instant in the display zone. */
function timeOf(iso) {
  return formatWith(iso, { hour: 'numeric', minute: '2-digit' });
}

/** #/w/{ws}/calendar */
export function renderCalendar(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const role = () => ctx.workspace()?.myRole;
  let query = ctx.query;
  let alive = true;
  let items = [];
  let loadSeq = 0;
  let loaded = false; // items are those of the range shown
  let eventDialog = null; // {eventId, close}

  // Chosen once, when the page opens: a window resized later keeps the view it shows.
  const defaultView = window.matchMedia(PHONE).matches ? 'agenda' : 'month';
  const state = () => {
    const asked = query.get('view');
    const view = VIEWS.includes(asked) ? asked : defaultView;
    const date = parseDate(query.get('date') ?? '') ? query.get('date') : today();
    return { view, date };
  };

  const title = h('h1', { class: 'page-title calendar-title', tabindex: '-1', testid: 'page-title', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'btn btn-secondary btn-sm btn-icon', testid: 'calendar-prev', text: '‹' });
  const next = h('button', { type: 'button', class: 'btn btn-secondary btn-sm btn-icon', testid: 'calendar-next', text: '›' });
  const todayButton = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'calendar-today', i18n: 'calendar.today' });
  const monthButton = h('button', { type: 'button', class: 'seg-btn', testid: 'calendar-month', i18n: 'calendar.month' });
  const weekButton = h('button', { type: 'button', class: 'seg-btn', testid: 'calendar-week', i18n: 'calendar.week' });
  const agendaButton = h('button', { type: 'button', class: 'seg-btn', testid: 'calendar-agenda', i18n: 'calendar.agenda' });
  const create = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'calendar-new-event', i18n: 'calendar.newEvent' });
  const subscribe = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'calendar-subscribe', i18n: 'calendarFeed.open' });
  const status = statusLine('calendar-status');
  const grid = h('div', { class: 'calendar-grid-wrap', testid: 'calendar-grid' });
  const truncated = h('p', { class: 'field-hint', i18n: 'calendar.truncated', hidden: true });

  main.append(
    h(
      'div',
      { class: 'page-header calendar-header' },
      title,
      h(
        'div',
        { class: 'calendar-toolbar' },
        h('div', { class: 'calendar-nav' }, todayButton, prev, next),
        h('div', { class: 'segmented', role: 'group', i18nAttrs: { 'aria-label': 'calendar.viewLabel' } }, monthButton, weekButton, agendaButton),
        subscribe,
        create,
      ),
    ),
    status.el,
    truncated,
    grid,
  );

  function go(changes, { replace = true } = {}) {
    const { view, date } = { ...state(), ...changes };
    const params = { view, date };
    const event = changes.event === undefined ? query.get('event') : changes.event;
    if (event) params.event = event;
    navigate(hrefWithQuery(['w', workspaceId, 'calendar'], params), { replace });
  }

  function step(direction) {
    const { view, date } = state();
    go({ date: view === 'week' ? addDays(date, 7 * direction) : addMonths(date, direction) });
  }
  prev.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  todayButton.addEventListener('click', () => go({ date: today() }));
  monthButton.addEventListener('click', () => go({ view: 'month' }));
  weekButton.addEventListener('click', () => go({ view: 'week' }));
  agendaButton.addEventListener('click', () => go({ view: 'agenda' }));
  create.addEventListener('click', () => openEventEditor({ date: state().date }));
  subscribe.addEventListener('click', () => openCalendarFeedDialog());

  /** First day shown and the day after the last one. */
  function range() {
    const { view, date } = state();
    if (view === 'week') {
      const from = startOfWeek(date, WEEK_START);
      return { from, to: addDays(from, 7) };
    }
    if (view === 'agenda') {
      const from = startOfMonth(date);
      return { from, to: addMonths(from, 1) };
    }
    const from = startOfWeek(startOfMonth(date), WEEK_START);
    return { from, to: addDays(from, 42) };
  }

  function renderChrome() {
    const { view, date } = state();
    const { from, to } = range();
    monthButton.setAttribute('aria-pressed', String(view === 'month'));
    weekButton.setAttribute('aria-pressed', String(view === 'week'));
    agendaButton.setAttribute('aria-pressed', String(view === 'agenda'));
    create.hidden = !CREATE_EVENT.includes(role());
    bind(prev, { attrs: { 'aria-label': () => t(view === 'week' ? 'calendar.previousWeek' : 'calendar.previousMonth'), title: () => t(view === 'week' ? 'calendar.previousWeek' : 'calendar.previousMonth') } });
    bind(next, { attrs: { 'aria-label': () => t(view === 'week' ? 'calendar.nextWeek' : 'calendar.nextMonth'), title: () => t(view === 'week' ? 'calendar.nextWeek' : 'calendar.nextMonth') } });
    bind(title, {
      text: () => {
        if (view !== 'week') return dateFormat(date, { year: 'numeric', month: 'long' });
        const last = addDays(to, -1);
        const format = new Intl.DateTimeFormat(getLanguage(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
        return format.formatRange ? format.formatRange(dateAtNoonUtc(from), dateAtNoonUtc(last)) : `${format.format(dateAtNoonUtc(from))} – ${format.format(dateAtNoonUtc(last))}`;
      },
    });
  }

  async function load() {
    const seq = ++loadSeq;
    const { from, to } = range();
    loaded = false;
    renderChrome();
    renderGrid();
    status.set(tx('common.loading'));
    grid.setAttribute('aria-busy', 'true');
    try {
      const answer = await api.calendarRange(workspaceId, { from, to, tz: getDisplayTimeZone() });
      if (!alive || seq !== loadSeq) return;
      items = answer.items ?? [];
      loaded = true;
      truncated.hidden = !answer.truncated;
      status.set(null);
      renderGrid();
    } catch (err) {
      if (!alive || seq !== loadSeq || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error', retry: load });
    } finally {
      if (seq === loadSeq) grid.removeAttribute('aria-busy');
    }
  }

  /** Items of each day of [from, to). */
  function byDay(from, to) {
    const days = new Map();
    for (let d = from; d < to; d = addDays(d, 1)) days.set(d, []);
    for (const item of items) {
      const { first, last } = itemDays(item);
      for (let d = first < from ? from : first; d <= last && d < to; d = addDays(d, 1)) days.get(d)?.push(item);
    }
    for (const list of days.values()) {
      list.sort((a, b) => Number(b.allDay) - Number(a.allDay) || String(a.start).localeCompare(String(b.start)) || a.title.localeCompare(b.title));
    }
    return days;
  }

  function itemButton(item, day, { withTime }) {
    const isCard = item.kind === 'card';
    const time = !item.allDay && withTime && itemDays(item).first === day ? timeOf(item.start) : null;
    const button = h(
      isCard ? 'a' : 'button',
      {
        class: `cal-item cal-${item.kind}${item.allDay ? ' is-all-day' : ''}`,
        testid: isCard ? 'calendar-card' : 'calendar-event',
        type: isCard ? null : 'button',
        href: isCard ? item.link : null,
        dataset: { itemId: item.id },
      },
      isCard ? h('span', { class: 'cal-kind', 'aria-hidden': 'true' }, icon('board', { size: 12 })) : null,
      time ? h('span', { class: 'cal-time', text: time }) : null,
      h('span', { class: 'cal-item-title', text: item.title }),
    );
    bind(button, { attrs: { 'aria-label': () => describeItem(item) } });
    if (!isCard) button.addEventListener('click', () => go({ event: item.id }, { replace: false }));
    return button;
  }

  function describeItem(item) {
    const when = item.allDay
      ? (() => {
          const { first, last } = itemDays(item);
          return first === last ? t('calendar.allDayOn', { date: dateFormat(first, { dateStyle: 'medium' }) }) : t('calendar.allDayFromTo', { from: dateFormat(first, { dateStyle: 'medium' }), to: dateFormat(last, { dateStyle: 'medium' }) });
        })()
      : `${formatWith(item.start, { dateStyle: 'medium', timeStyle: 'short' })} – ${formatWith(item.end, { dateStyle: 'medium', timeStyle: 'short' })}`;
    return item.kind === 'card' ? t('calendar.cardLabel', { title: item.title, board: item.boardName ?? '', when }) : t('calendar.eventLabel', { title: item.title, when });
  }

  function dayHeading(day, { long }) {
    const isToday = day === today();
    const label = dateFormat(day, long ? { weekday: 'short', month: 'short', day: 'numeric' } : { day: 'numeric' });
    const el = h('span', { class: `cal-date${isToday ? ' is-today' : ''}`, text: label });
    if (isToday) bind(el, { attrs: { 'aria-label': () => `${t('calendar.today')}, ${dateFormat(day, { dateStyle: 'full' })}` } });
    else el.setAttribute('aria-label', dateFormat(day, { dateStyle: 'full' }));
    return el;
  }

  /** The agenda: each day of the month that has something, with its items, in order. */
  function renderAgenda() {
    const { from, to } = range();
    const days = [...byDay(from, to)].filter(([, list]) => list.length);
    const list = h(
      'ol',
      { class: 'calendar-agenda', testid: 'calendar-agenda-list' },
      days.map(([day, dayItems]) =>
        h(
          'li',
          { class: `cal-agenda-day${day === today() ? ' is-today' : ''}`, testid: 'calendar-day', dataset: { date: day } },
          h('h2', { class: 'cal-agenda-date' }, dayHeading(day, { long: true })),
          h('ul', { class: 'cal-items' }, dayItems.map((item) => h('li', {}, itemButton(item, day, { withTime: true })))),
        ),
      ),
    );
    bind(list, { attrs: { 'aria-label': () => `${title.textContent}, ${t('calendar.agendaLabel')}` } });
    const empty = days.length || !loaded ? null : h('p', { class: 'muted cal-agenda-empty', testid: 'calendar-agenda-empty', i18n: 'calendar.noEvents' });
    grid.replaceChildren(list, empty ?? '');
  }

  function renderGrid() {
    const { view, date } = state();
    if (view === 'agenda') {
      renderAgenda();
      return;
    }
    const { from, to } = range();
    const days = byDay(from, to);
    const weekdays = [...Array(7)].map((_, i) => addDays(from, i));
    const head = h('thead', {}, h('tr', {}, weekdays.map((d) => h('th', { scope: 'col', abbr: dateFormat(d, { weekday: 'long' }), text: dateFormat(d, { weekday: 'short' }) }))));
    const body = h('tbody');
    const month = parseDate(date).month;
    for (let week = from; week < to; week = addDays(week, 7)) {
      const row = h('tr');
      for (let i = 0; i < 7; i++) {
        const day = addDays(week, i);
        const outside = view === 'month' && parseDate(day).month !== month;
        const list = days.get(day) ?? [];
        const cell = h(
          'td',
          { class: `cal-day${outside ? ' is-outside' : ''}${day === today() ? ' is-today' : ''}`, testid: 'calendar-day', dataset: { date: day } },
          dayHeading(day, { long: view === 'week' }),
          list.length ? h('ul', { class: 'cal-items' }, list.map((item) => h('li', {}, itemButton(item, day, { withTime: true })))) : null,
        );
        if (CREATE_EVENT.includes(role())) {
          cell.addEventListener('dblclick', (event) => {
            if (!event.target.closest('.cal-item')) openEventEditor({ date: day });
          });
        }
        row.append(cell);
      }
      body.append(row);
    }
    const table = h('table', { class: `calendar calendar-${view}`, testid: `calendar-${view}-grid` }, head, body);
    bind(table, { attrs: { 'aria-label': () => title.textContent } });
    grid.replaceChildren(table);
  }

  // ------------------------------------------------------------- events
  function syncEventDialog() {
    const eventId = query.get('event');
    if (eventDialog && eventDialog.eventId !== eventId) {
      const previous = eventDialog;
      eventDialog = null;
      previous.close();
    }
    if (!eventId || eventDialog) return;
    eventDialog = { eventId, close: () => {} };
    api.getEvent(workspaceId, eventId).then(
      (event) => {
        if (!alive || eventDialog?.eventId !== eventId) return;
        eventDialog = { eventId, ...openEventEditor({ event, onClosed: () => leaveEvent(eventId) }) };
      },
      (err) => {
        if (!alive) return;
        eventDialog = null;
        toastError(err);
        leaveEvent(eventId);
      },
    );
  }

  function leaveEvent(eventId) {
    if (eventDialog?.eventId === eventId) eventDialog = null;
    // Closed because the page is going away: leave the URL alone.
    if (!alive) return;
    if (query.get('event') === eventId) go({ event: null });
  }

  /**
   * The event dialog: a form when the caller may edit (or creates), else the details.
   * @returns {{close: () => void}}
   */
  function openEventEditor({ event = null, date = today(), onClosed = () => {} }) {
    const editable = event ? event.canEdit : CREATE_EVENT.includes(role());
    if (event && !editable) return openEventDetails(event, onClosed);

    const titleField = field({ name: 'title', label: 'event.title', testid: 'event-title', attrs: { type: 'text', maxlength: 1000 } });
    const allDayBox = h('input', { type: 'checkbox', id: 'event-all-day', testid: 'event-all-day' });
    const startDate = field({ name: 'start', label: 'event.startDate', testid: 'event-start-date', attrs: { type: 'date' } });
    const endDate = field({ name: 'end', label: 'event.endDate', testid: 'event-end-date', attrs: { type: 'date' } });
    const startTime = field({ name: 'start', label: 'event.start', testid: 'event-start', attrs: { type: 'datetime-local' } });
    const endTime = field({ name: 'end', label: 'event.end', testid: 'event-end', attrs: { type: 'datetime-local' } });
    const location = field({ name: 'location', label: 'event.location', testid: 'event-location', attrs: { type: 'text', maxlength: 2000 } });
    const description = field({ name: 'description', label: 'event.description', testid: 'event-description', control: 'textarea', attrs: { rows: 3 } });
    const attendees = h('fieldset', { class: 'picker picker-inline', testid: 'event-attendees' }, h('legend', { class: 'field-label', i18n: 'event.attendees' }));
    const zone = h('p', { class: 'field-hint' });
    bind(zone, { text: () => t('event.timeZone', { zone: getDisplayTimeZone() }) });

    if (event) {
      titleField.input.value = event.title;
      allDayBox.checked = event.allDay;
      location.input.value = event.location ?? '';
      description.input.value = event.description ?? '';
      if (event.allDay) {
        const { first, last } = itemDays(event);
        startDate.input.value = first;
        endDate.input.value = last;
        startTime.input.value = `${first}T09:00`;
        endTime.input.value = `${first}T10:00`;
      } else {
        startTime.input.value = toLocalInput(event.start);
        endTime.input.value = toLocalInput(event.end);
        startDate.input.value = localDate(event.start);
        endDate.input.value = localDate(event.end);
      }
    } else {
      startDate.input.value = date;
      endDate.input.value = date;
      startTime.input.value = `${date}T09:00`;
      endTime.input.value = `${date}T10:00`;
    }

    const timed = h('div', { class: 'form-grid' }, startTime.el, endTime.el);
    const allDay = h('div', { class: 'form-grid' }, startDate.el, endDate.el);
    const syncAllDay = () => {
      timed.hidden = allDayBox.checked;
      allDay.hidden = !allDayBox.checked;
    };
    allDayBox.addEventListener('change', syncAllDay);
    syncAllDay();

    const chosen = new Set((event?.attendees ?? []).map((a) => a.accountId));
    api.listMembers(workspaceId).then(
      (members) => {
        const people = new Map(members.map((m) => [m.accountId, m.displayName]));
        (event?.attendees ?? []).forEach((a) => people.has(a.accountId) || people.set(a.accountId, a.displayName));
        for (const [accountId, name] of [...people].sort((a, b) => a[1].localeCompare(b[1]))) {
          const box = h('input', { type: 'checkbox', value: accountId, checked: chosen.has(accountId), dataset: { accountId } });
          attendees.append(h('label', { class: 'check' }, box, h('span', { text: name })));
        }
      },
      () => attendees.append(h('p', { class: 'muted', i18n: 'event.noDirectory' })),
    );

    const region = h('div', { class: 'alert', role: 'alert', testid: 'event-error' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'event-save', i18n: event ? 'common.save' : 'event.create' });
    const buttons = [];
    if (event?.canDelete) {
      const remove = h('button', { type: 'button', class: 'btn btn-danger-ghost', testid: 'event-delete', i18n: 'common.delete' });
      remove.addEventListener('click', async () => {
        const deleted = await confirmDialog({
          title: tx('event.deleteTitle'),
          message: () => t('event.deleteConfirm', { title: event.title }),
          confirm: 'common.delete',
          danger: true,
          testid: 'delete-event-confirm',
          action: () => api.deleteEvent(workspaceId, event.id, event.version),
        });
        if (!deleted) return;
        showToast(() => t('event.deleted', { title: event.title }));
        handle.close();
        load();
      });
      buttons.push(remove);
    }
    const form = h(
      'form',
      { class: 'form', testid: 'event-form', novalidate: true },
      region,
      titleField.el,
      h('label', { class: 'check', for: 'event-all-day' }, allDayBox, h('span', { i18n: 'event.allDay' })),
      timed,
      allDay,
      zone,
      location.el,
      description.el,
      attendees,
      h('div', { class: 'form-actions' }, buttons, submit),
    );
    const controller = new FormController(form, { region, submit, fields: { title: titleField, location, description } });

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      controller.run(async () => {
        const values = {
          title: titleField.input.value.trim(),
          location: location.input.value.trim(),
          description: description.input.value.trim(),
          allDay: allDayBox.checked,
          attendees: [...attendees.querySelectorAll('input:checked')].map((i) => i.value),
        };
        const checks = [
          [titleField, requiredText(values.title, TITLE_MAX)],
          [location, maxLength(values.location, LOCATION_MAX)],
          [description, maxLength(values.description, DESCRIPTION_MAX)],
        ];
        if (values.allDay) {
          const first = startDate.input.value;
          const last = endDate.input.value || first;
          checks.push([startDate, first ? null : tx('validation.required')]);
          checks.push([endDate, first && last < first ? tx('event.endBeforeStart') : null]);
          values.start = first;
          values.end = first ? addDays(last, 1) : '';
        } else {
          values.start = fromLocalInput(startTime.input.value);
          values.end = fromLocalInput(endTime.input.value);
          checks.push([startTime, values.start ? null : tx('validation.required')]);
          checks.push([endTime, !values.end ? tx('validation.required') : values.start && values.end <= values.start ? tx('event.endBeforeStart') : null]);
        }
        if (!controller.validate(checks)) return;
        try {
          if (event) {
            await api.updateEvent(workspaceId, event.id, values, event.version);
            showToast(tx('event.saved'));
          } else {
            const body = { ...values };
            if (!body.location) delete body.location;
            if (!body.description) delete body.description;
            const created = await api.createEvent(workspaceId, body);
            showToast(() => t('event.created', { title: created.title }));
            // Show the week or month the new event is in.
            const day = values.allDay ? values.start : localDate(values.start);
            const { from, to } = range();
            if (day < from || day >= to) go({ date: day, event: null });
          }
        } catch (err) {
          if (err.type !== 'stale-version') throw err;
          controller.setMessage(tx('event.staleReloaded'));
          const current = err.problem?.current ?? (await api.getEvent(workspaceId, event.id));
          handle.close();
          openEventEditor({ event: current, onClosed });
          return;
        }
        handle.close();
        load();
      });
    });

    const handle = openDialog({ title: event ? tx('event.editTitle') : tx('event.newTitle'), body: form, testid: 'event-dialog', onClose: onClosed });
    titleField.input.focus();
    return handle;
  }

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
    const handle = openDialog({ title: () => event.title, body: facts, testid: 'event-dialog', onClose: onClosed });
    return handle;
  }

  load();
  syncEventDialog();

  return {
    cleanup() {
      alive = false;
      const dialog = eventDialog;
      eventDialog = null;
      dialog?.close?.();
    },
    update(nextQuery) {
      const before = state();
      query = nextQuery;
      const after = state();
      if (before.view !== after.view || before.date !== after.date) load();
      syncEventDialog();
    },
  };
}
