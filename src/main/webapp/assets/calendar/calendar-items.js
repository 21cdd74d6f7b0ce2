/** What the calendar's views share: an item's button (or a card's link), its spoken description, a day's heading. */
import { bind, formatWith, getLanguage, t } from '../i18n.js';
import { h } from '../dom.js';
import { dateAtNoonUtc, today } from '../dates.js';
import { icon } from '../icons.js';
import { itemDays } from './calendar-store.js';

/** A date (YYYY-MM-DD) formatted in the app's language, the same day whatever the zone. */
export const dateFormat = (text, options) => new Intl.DateTimeFormat(getLanguage(), { ...options, timeZone: 'UTC' }).format(dateAtNoonUtc(text));

/** "09:00" style time of an instant in the display zone. */
function timeOf(iso) {
  return formatWith(iso, { hour: 'numeric', minute: '2-digit' });
}

/** "Title, all day on …" / "Title, start – end" (a card's also names its board). */
export function describeItem(item) {
  const when = item.allDay
    ? (() => {
        const { first, last } = itemDays(item);
        return first === last ? t('calendar.allDayOn', { date: dateFormat(first, { dateStyle: 'medium' }) }) : t('calendar.allDayFromTo', { from: dateFormat(first, { dateStyle: 'medium' }), to: dateFormat(last, { dateStyle: 'medium' }) });
      })()
    : `${formatWith(item.start, { dateStyle: 'medium', timeStyle: 'short' })} – ${formatWith(item.end, { dateStyle: 'medium', timeStyle: 'short' })}`;
  return item.kind === 'card' ? t('calendar.cardLabel', { title: item.title, board: item.boardName ?? '', when }) : t('calendar.eventLabel', { title: item.title, when });
}

/**
 * An item on a day: an event is a button that opens it, a card a link to it on its board. A timed
 * item shows its time on its first day.
 * @param {(eventId: string) => void} openEvent
 */
export function itemButton(item, day, { withTime, openEvent }) {
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
  if (!isCard) button.addEventListener('click', () => openEvent(item.id));
  return button;
}

/** A day's date (today marked and named so), its full date for screen readers. */
export function dayHeading(day, { long }) {
  const isToday = day === today();
  const label = dateFormat(day, long ? { weekday: 'short', month: 'short', day: 'numeric' } : { day: 'numeric' });
  const el = h('span', { class: `cal-date${isToday ? ' is-today' : ''}`, text: label });
  if (isToday) bind(el, { attrs: { 'aria-label': () => `${t('calendar.today')}, ${dateFormat(day, { dateStyle: 'full' })}` } });
  else el.setAttribute('aria-label', dateFormat(day, { dateStyle: 'full' }));
  return el;
}
