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
 *
 * This module puts the page together; its parts live in assets/calendar/: the state and its pure
 * operations (calendar-store.js), the header (calendar-toolbar.js), the month and week grids
 * (calendar-grid.js), the agenda (calendar-agenda.js), what they share (calendar-items.js) and
 * the event dialog (event-dialog.js).
 */
import * as api from '../api.js';
import { h } from '../dom.js';
import { tx } from '../i18n.js';
import { describeError } from '../forms.js';
import { today } from '../dates.js';
import { hrefWithQuery, navigate } from '../router.js';
import { openCalendarFeedDialog } from './calendar-feed.js';
import { statusLine, toastError } from './ui.js';
import { calendarStore } from '../calendar/calendar-store.js';
import { calendarToolbar } from '../calendar/calendar-toolbar.js';
import { calendarGrid } from '../calendar/calendar-grid.js';
import { calendarAgenda } from '../calendar/calendar-agenda.js';
import { openEventDialog } from '../calendar/event-dialog.js';

export { itemDays } from '../calendar/calendar-store.js';

/** Calendar actions by workspace role (docs/permissions.md#calendar); the server decides anyway. */
const CREATE_EVENT = ['OWNER', 'MANAGER', 'MEMBER'];

const PHONE = '(max-width: 760px)';

/** #/w/{ws}/calendar */
export function renderCalendar(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const mayCreate = () => CREATE_EVENT.includes(ctx.workspace()?.myRole);
  let alive = true;
  let eventDialog = null; // {eventId, close}
  // Chosen once, when the page opens: a window resized later keeps the view it shows.
  const store = calendarStore({ query: ctx.query, defaultView: window.matchMedia(PHONE).matches ? 'agenda' : 'month' });
  /** What the event dialog asks of this page. */
  const page = {
    workspaceId,
    mayCreate,
    reload: () => load(),
    showDay(day) {
      const { from, to } = store.range();
      if (day < from || day >= to) go({ date: day, event: null });
    },
  };

  const toolbar = calendarToolbar({
    onStep: (direction) => go({ date: store.stepped(direction) }),
    onToday: () => go({ date: today() }),
    onView: (view) => go({ view }),
    onCreate: () => openEventDialog(page, { date: store.shown().date }),
    onSubscribe: () => openCalendarFeedDialog(),
  });
  const status = statusLine('calendar-status');
  const grid = h('div', { class: 'calendar-grid-wrap', testid: 'calendar-grid' });
  const truncated = h('p', { class: 'field-hint', i18n: 'calendar.truncated', hidden: true });
  main.append(toolbar.el, status.el, truncated, grid);

  function go(changes, { replace = true } = {}) {
    const { view, date } = { ...store.shown(), ...changes };
    const params = { view, date };
    const event = changes.event === undefined ? store.openEvent() : changes.event;
    if (event) params.event = event;
    navigate(hrefWithQuery(['w', workspaceId, 'calendar'], params), { replace });
  }

  const openEvent = (eventId) => go({ event: eventId }, { replace: false });

  async function load() {
    const ticket = store.startLoading();
    const { from, to } = store.range();
    toolbar.render(store.shown(), store.range(), mayCreate());
    renderGrid();
    status.set(tx('common.loading'));
    grid.setAttribute('aria-busy', 'true');
    try {
      const answer = await api.calendarRange(workspaceId, { from, to, tz: store.zone() });
      if (!alive || !store.receive(ticket, answer)) return;
      truncated.hidden = !store.truncated();
      status.set(null);
      renderGrid();
    } catch (err) {
      if (!alive || !store.isLatest(ticket) || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error', retry: load });
    } finally {
      if (store.isLatest(ticket)) grid.removeAttribute('aria-busy');
    }
  }

  function renderGrid() {
    const shown = store.shown();
    if (shown.view === 'agenda') {
      grid.replaceChildren(...calendarAgenda({ days: store.days(), loaded: store.loaded(), title: () => toolbar.title.textContent, openEvent }));
      return;
    }
    const createOn = mayCreate() ? (day) => openEventDialog(page, { date: day }) : null;
    grid.replaceChildren(calendarGrid({ shown, range: store.range(), days: store.days(), label: () => toolbar.title.textContent, createOn, openEvent }));
  }

  /** Opens the event the URL names (&event=), closes one it no longer names. */
  function syncEventDialog() {
    const eventId = store.openEvent();
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
        eventDialog = { eventId, ...openEventDialog(page, { event, onClosed: () => leaveEvent(eventId) }) };
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
    if (store.openEvent() === eventId) go({ event: null });
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
      if (store.setQuery(nextQuery)) load();
      syncEventDialog();
    },
  };
}
