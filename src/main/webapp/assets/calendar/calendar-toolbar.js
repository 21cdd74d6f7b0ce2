/**
 * The calendar's header: the title (the month, or the week's dates), today / previous / next,
 * the Month / Week / Agenda switch, "Subscribe" and "New event".
 */
import { bind, getLanguage, t } from '../i18n.js';
import { h } from '../dom.js';
import { addDays, dateAtNoonUtc } from '../dates.js';
import { dateFormat } from './calendar-items.js';

/**
 * @param {object} o
 * @param {(direction: number) => void} o.onStep
 * @param {() => void} o.onToday
 * @param {(view: string) => void} o.onView
 * @param {() => void} o.onCreate
 * @param {() => void} o.onSubscribe
 * @returns {{el: HTMLElement, title: HTMLElement, render: (shown: {view: string, date: string}, range: {from: string, to: string}, mayCreate: boolean) => void}}
 */
export function calendarToolbar({ onStep, onToday, onView, onCreate, onSubscribe }) {
  const title = h('h1', { class: 'page-title calendar-title', tabindex: '-1', testid: 'page-title', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'btn btn-secondary btn-sm btn-icon', testid: 'calendar-prev', text: '‹', on: { click: () => onStep(-1) } });
  const next = h('button', { type: 'button', class: 'btn btn-secondary btn-sm btn-icon', testid: 'calendar-next', text: '›', on: { click: () => onStep(1) } });
  const todayButton = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'calendar-today', i18n: 'calendar.today', on: { click: onToday } });
  const views = {
    month: h('button', { type: 'button', class: 'seg-btn', testid: 'calendar-month', i18n: 'calendar.month', on: { click: () => onView('month') } }),
    week: h('button', { type: 'button', class: 'seg-btn', testid: 'calendar-week', i18n: 'calendar.week', on: { click: () => onView('week') } }),
    agenda: h('button', { type: 'button', class: 'seg-btn', testid: 'calendar-agenda', i18n: 'calendar.agenda', on: { click: () => onView('agenda') } }),
  };
  const create = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'calendar-new-event', i18n: 'calendar.newEvent', on: { click: onCreate } });
  const subscribe = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', testid: 'calendar-subscribe', i18n: 'calendarFeed.open', on: { click: onSubscribe } });

  const el = h(
    'div',
    { class: 'page-header calendar-header' },
    title,
    h(
      'div',
      { class: 'calendar-toolbar' },
      h('div', { class: 'calendar-nav' }, todayButton, prev, next),
      h('div', { class: 'segmented', role: 'group', i18nAttrs: { 'aria-label': 'calendar.viewLabel' } }, views.month, views.week, views.agenda),
      subscribe,
      create,
    ),
  );

  function render({ view, date }, { from, to }, mayCreate) {
    for (const [name, button] of Object.entries(views)) button.setAttribute('aria-pressed', String(view === name));
    create.hidden = !mayCreate;
    const [previousKey, nextKey] = view === 'week' ? ['calendar.previousWeek', 'calendar.nextWeek'] : ['calendar.previousMonth', 'calendar.nextMonth'];
    bind(prev, { attrs: { 'aria-label': () => t(previousKey), title: () => t(previousKey) } });
    bind(next, { attrs: { 'aria-label': () => t(nextKey), title: () => t(nextKey) } });
    bind(title, {
      text: () => {
        if (view !== 'week') return dateFormat(date, { year: 'numeric', month: 'long' });
        const last = addDays(to, -1);
        const format = new Intl.DateTimeFormat(getLanguage(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
        return format.formatRange ? format.formatRange(dateAtNoonUtc(from), dateAtNoonUtc(last)) : `${format.format(dateAtNoonUtc(from))} – ${format.format(dateAtNoonUtc(last))}`;
      },
    });
  }

  return { el, title, render };
}
