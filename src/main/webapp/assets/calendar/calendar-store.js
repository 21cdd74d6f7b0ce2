/**
 * The calendar page's state, without the DOM: which view (month, week, agenda) and date it shows
 * (read from the URL, which stays the truth, so a reload or a shared link shows the same), the
 * range of days that view covers, the time zone days are counted in, and the items (events and
 * cards with dates) of that range as the server answered them. Its operations are pure: placing
 * items into days, moving the range a step, the range of a view.
 */
import { getDisplayTimeZone } from '../i18n.js';
import { addDays, addMonths, daysBetween, localDate, parseDate, startOfMonth, startOfWeek, today } from '../dates.js';

export const VIEWS = ['month', 'week', 'agenda'];
export const WEEK_START = 0; // Sunday, as calendars in Korea and the US show it

/** The local days an item covers, first and last (inclusive), in the zone. */
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

/**
 * The days a view of a date shows: first day and the day after the last. The month view shows
 * six whole weeks from the week the month starts in; the agenda the month; the week its week.
 */
export function rangeOf(view, date) {
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

/** The date a step back (-1) or forward (1) shows: a week in the week view, else a month. */
export function steppedDate(view, date, direction) {
  return view === 'week' ? addDays(date, 7 * direction) : addMonths(date, direction);
}

/**
 * The items of each day of [from, to), in the zone: an item on every day it covers, all-day ones
 * first, then by start, then by title.
 * @returns {Map<string, object[]>} every day of the range, in order
 */
export function itemsByDay(items, from, to, zone = getDisplayTimeZone()) {
  const days = new Map();
  for (let d = from; d < to; d = addDays(d, 1)) days.set(d, []);
  for (const item of items) {
    const { first, last } = itemDays(item, zone);
    for (let d = first < from ? from : first; d <= last && d < to; d = addDays(d, 1)) days.get(d)?.push(item);
  }
  for (const list of days.values()) {
    list.sort((a, b) => Number(b.allDay) - Number(a.allDay) || String(a.start).localeCompare(String(b.start)) || a.title.localeCompare(b.title));
  }
  return days;
}

/**
 * @param {object} o
 * @param {URLSearchParams} o.query the page's query (view, date, event)
 * @param {string} o.defaultView the view without one in the URL
 * @param {() => string} [o.zone] the time zone days are counted in (the profile's)
 */
export function calendarStore({ query, defaultView, zone = getDisplayTimeZone }) {
  let items = [];
  let loaded = false; // items are those of the range shown
  let truncated = false;
  let loadSeq = 0;

  /** The view and date shown: the URL's when valid, else the default view and today. */
  function shown() {
    const asked = query.get('view');
    const view = VIEWS.includes(asked) ? asked : defaultView;
    const date = parseDate(query.get('date') ?? '') ? query.get('date') : today(zone());
    return { view, date };
  }

  return {
    shown,
    range: () => rangeOf(shown().view, shown().date),
    zone,
    /** The event open in a dialog (&event=), or null. */
    openEvent: () => query.get('event'),
    /** Takes the page's new query; true when it shows another view or date (the range may differ). */
    setQuery(next) {
      const before = shown();
      query = next;
      const after = shown();
      return before.view !== after.view || before.date !== after.date;
    },
    /** The date shown a step back or forward. */
    stepped: (direction) => steppedDate(shown().view, shown().date, direction),
    /** A load of the range starts: what was there is no longer the range's. Returns its ticket. */
    startLoading() {
      loaded = false;
      return ++loadSeq;
    },
    /** Whether a load is the latest one asked for (a slower earlier answer is dropped). */
    isLatest: (ticket) => ticket === loadSeq,
    /** The server's answer for a load; false (and ignored) when a later load was asked for. */
    receive(ticket, answer) {
      if (ticket !== loadSeq) return false;
      items = answer.items ?? [];
      truncated = Boolean(answer.truncated);
      loaded = true;
      return true;
    },
    loaded: () => loaded,
    truncated: () => truncated,
    items: () => items,
    /** The items of each day shown. */
    days() {
      const { from, to } = rangeOf(shown().view, shown().date);
      return itemsByDay(items, from, to, zone());
    },
  };
}
