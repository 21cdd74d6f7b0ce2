/** The agenda: each day of the month that has something, with its items, in order. */
import { bind, t } from '../i18n.js';
import { h } from '../dom.js';
import { today } from '../dates.js';
import { dayHeading, itemButton } from './calendar-items.js';

/**
 * @param {object} o
 * @param {Map<string, object[]>} o.days the items of each day of the month (calendar-store.js)
 * @param {boolean} o.loaded whether the items are the month's (else "no events" is not said yet)
 * @param {() => string} o.title the page title's text
 * @param {(eventId: string) => void} o.openEvent
 * @returns {Node[]} the list, and "no events" when the month has none
 */
export function calendarAgenda({ days, loaded, title, openEvent }) {
  const busy = [...days].filter(([, list]) => list.length);
  const list = h(
    'ol',
    { class: 'calendar-agenda', testid: 'calendar-agenda-list' },
    busy.map(([day, dayItems]) =>
      h(
        'li',
        { class: `cal-agenda-day${day === today() ? ' is-today' : ''}`, testid: 'calendar-day', dataset: { date: day } },
        h('h2', { class: 'cal-agenda-date' }, dayHeading(day, { long: true })),
        h('ul', { class: 'cal-items' }, dayItems.map((item) => h('li', {}, itemButton(item, day, { withTime: true, openEvent })))),
      ),
    ),
  );
  bind(list, { attrs: { 'aria-label': () => `${title()}, ${t('calendar.agendaLabel')}` } });
  const empty = busy.length || !loaded ? null : h('p', { class: 'muted cal-agenda-empty', testid: 'calendar-agenda-empty', i18n: 'calendar.noEvents' });
  return [list, empty ?? ''];
}
