/**
 * The month and week views: one table of weeks by the seven weekdays, each day with its items.
 * The month shows six weeks (days of the months around it marked outside); the week one week
 * with longer day headings. A double click on a day's free space creates an event on it.
 */
import { bind } from '../i18n.js';
import { h } from '../dom.js';
import { addDays, parseDate, today } from '../dates.js';
import { dateFormat, dayHeading, itemButton } from './calendar-items.js';

function weekdayHeads(from) {
  const weekdays = [...Array(7)].map((_, i) => addDays(from, i));
  return h('thead', {}, h('tr', {}, weekdays.map((d) => h('th', { scope: 'col', abbr: dateFormat(d, { weekday: 'long' }), text: dateFormat(d, { weekday: 'short' }) }))));
}

/**
 * @param {object} o
 * @param {{view: string, date: string}} o.shown
 * @param {{from: string, to: string}} o.range
 * @param {Map<string, object[]>} o.days the items of each day (calendar-store.js)
 * @param {() => string} o.label the table's name (the page title's text)
 * @param {((day: string) => void)|null} o.createOn opens a new event on a day, when I may create
 * @param {(eventId: string) => void} o.openEvent
 * @returns {HTMLTableElement}
 */
export function calendarGrid({ shown, range, days, label, createOn, openEvent }) {
  const { view, date } = shown;
  const { from, to } = range;
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
        list.length ? h('ul', { class: 'cal-items' }, list.map((item) => h('li', {}, itemButton(item, day, { withTime: true, openEvent })))) : null,
      );
      if (createOn) {
        cell.addEventListener('dblclick', (event) => {
          if (!event.target.closest('.cal-item')) createOn(day);
        });
      }
      row.append(cell);
    }
    body.append(row);
  }
  const table = h('table', { class: `calendar calendar-${view}`, testid: `calendar-${view}-grid` }, weekdayHeads(from), body);
  bind(table, { attrs: { 'aria-label': label } });
  return table;
}
