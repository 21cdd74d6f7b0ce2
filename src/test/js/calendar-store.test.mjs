// The calendar page's store (assets/calendar/calendar-store.js): the range each view shows,
// moving it, placing events and cards into the days they cover in the chosen time zone, and
// the view, date and items it keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { today } from '../../main/webapp/assets/dates.js';

const { calendarStore, itemDays, itemsByDay, rangeOf, steppedDate } = await import('../../main/webapp/assets/calendar/calendar-store.js');

const SEOUL = 'Asia/Seoul';
const LA = 'America/Los_Angeles';
const query = (params) => new URLSearchParams(params);

test('the month shows six whole weeks from the Sunday of its first week; the week its week; the agenda its month', () => {
  // December 2026 starts on a Tuesday.
  assert.deepEqual(rangeOf('month', '2026-12-08'), { from: '2026-11-29', to: '2027-01-10' });
  assert.deepEqual(rangeOf('week', '2026-12-08'), { from: '2026-12-06', to: '2026-12-13' });
  assert.deepEqual(rangeOf('week', '2026-12-06'), { from: '2026-12-06', to: '2026-12-13' }, 'a Sunday starts its own week');
  assert.deepEqual(rangeOf('agenda', '2026-12-31'), { from: '2026-12-01', to: '2027-01-01' });
  // February 2026 starts on a Sunday: the month still shows 42 days.
  assert.deepEqual(rangeOf('month', '2026-02-14'), { from: '2026-02-01', to: '2026-03-15' });
});

test('a step moves a week in the week view and a month otherwise, keeping the day where the month has it', () => {
  assert.equal(steppedDate('week', '2026-12-29', 1), '2027-01-05');
  assert.equal(steppedDate('week', '2026-01-02', -1), '2025-12-26');
  assert.equal(steppedDate('month', '2026-01-31', 1), '2026-02-28');
  assert.equal(steppedDate('agenda', '2026-03-15', -1), '2026-02-15');
});

test('an all-day item covers its days up to the day before its end; a timed one the local days of its instants', () => {
  assert.deepEqual(itemDays({ allDay: true, start: '2026-12-08', end: '2026-12-09' }, SEOUL), { first: '2026-12-08', last: '2026-12-08' });
  assert.deepEqual(itemDays({ allDay: true, start: '2026-12-08', end: '2026-12-11' }, LA), { first: '2026-12-08', last: '2026-12-10' }, 'all-day dates are the same in every zone');
  assert.deepEqual(itemDays({ allDay: true, start: '2026-12-08', end: null }, SEOUL), { first: '2026-12-08', last: '2026-12-08' });
  const evening = { allDay: false, start: '2026-12-08T14:00:00Z', end: '2026-12-08T16:00:00Z' };
  assert.deepEqual(itemDays(evening, SEOUL), { first: '2026-12-08', last: '2026-12-09' }, '23:00–01:00 in Seoul spans two days');
  assert.deepEqual(itemDays(evening, LA), { first: '2026-12-08', last: '2026-12-08' }, '06:00–08:00 in Los Angeles');
  const toMidnight = { allDay: false, start: '2026-12-08T13:00:00Z', end: '2026-12-08T15:00:00Z' };
  assert.deepEqual(itemDays(toMidnight, SEOUL), { first: '2026-12-08', last: '2026-12-08' }, 'ending at midnight is not on the next day');
});

const item = (id, fields) => ({ id, kind: 'event', title: id, allDay: false, ...fields });

test('items go into every day they cover within the range, all-day first, then by start, then by title', () => {
  const items = [
    item('late', { start: '2026-12-08T09:00:00Z', end: '2026-12-08T10:00:00Z' }),
    item('early', { start: '2026-12-08T01:00:00Z', end: '2026-12-08T02:00:00Z' }),
    item('trip', { allDay: true, start: '2026-12-07', end: '2026-12-10' }),
    item('b-same', { start: '2026-12-08T01:00:00Z', end: '2026-12-08T02:00:00Z' }),
    item('before', { allDay: true, start: '2026-11-01', end: '2026-11-02' }),
    { ...item('card', { allDay: true, start: '2026-12-09', end: '2026-12-10' }), kind: 'card' },
  ];
  const days = itemsByDay(items, '2026-12-06', '2026-12-13', 'UTC');
  assert.deepEqual([...days.keys()], ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12'], 'every day, in order');
  const ids = (day) => days.get(day).map((i) => i.id);
  assert.deepEqual(ids('2026-12-06'), []);
  assert.deepEqual(ids('2026-12-07'), ['trip']);
  assert.deepEqual(ids('2026-12-08'), ['trip', 'b-same', 'early', 'late']);
  assert.deepEqual(ids('2026-12-09'), ['trip', 'card'], 'the trip started earlier');
  assert.deepEqual(ids('2026-12-10'), []);
});

test('an item reaching outside the range shows on the range\'s days only; the zone decides the day', () => {
  const long = item('long', { allDay: true, start: '2026-11-20', end: '2026-12-08' });
  const days = itemsByDay([long], '2026-12-06', '2026-12-13', SEOUL);
  assert.deepEqual([...days].filter(([, list]) => list.length).map(([day]) => day), ['2026-12-06', '2026-12-07']);
  const call = item('call', { start: '2026-12-08T20:00:00Z', end: '2026-12-08T21:00:00Z' });
  const inSeoul = itemsByDay([call], '2026-12-06', '2026-12-13', SEOUL);
  const inLa = itemsByDay([call], '2026-12-06', '2026-12-13', LA);
  assert.deepEqual(inSeoul.get('2026-12-09').map((i) => i.id), ['call']);
  assert.deepEqual(inLa.get('2026-12-08').map((i) => i.id), ['call']);
  assert.equal(inLa.get('2026-12-09').length, 0);
});

test('the store shows the URL\'s view and date; without them (or with nonsense) the default view and today', () => {
  const store = calendarStore({ query: query({ view: 'week', date: '2026-12-08' }), defaultView: 'month', zone: () => SEOUL });
  assert.deepEqual(store.shown(), { view: 'week', date: '2026-12-08' });
  assert.deepEqual(store.range(), { from: '2026-12-06', to: '2026-12-13' });
  assert.equal(store.stepped(-1), '2026-12-01');
  const fallback = calendarStore({ query: query({ view: 'year', date: 'soon' }), defaultView: 'agenda', zone: () => SEOUL });
  assert.deepEqual(fallback.shown(), { view: 'agenda', date: today(SEOUL) });
  assert.equal(fallback.openEvent(), null);
});

test('a new query says whether the view or date changed; an open event alone does not', () => {
  const store = calendarStore({ query: query({ view: 'month', date: '2026-12-08' }), defaultView: 'month', zone: () => 'UTC' });
  assert.equal(store.setQuery(query({ view: 'month', date: '2026-12-08', event: 'e1' })), false);
  assert.equal(store.openEvent(), 'e1');
  assert.equal(store.setQuery(query({ view: 'month', date: '2026-12-09' })), true);
  assert.equal(store.setQuery(query({ view: 'agenda', date: '2026-12-09' })), true);
  assert.deepEqual(store.range(), { from: '2026-12-01', to: '2027-01-01' });
});

test('only the latest load\'s answer is kept; its items are placed into the days shown', () => {
  const store = calendarStore({ query: query({ view: 'week', date: '2026-12-08' }), defaultView: 'month', zone: () => 'UTC' });
  assert.equal(store.loaded(), false);
  const first = store.startLoading();
  const second = store.startLoading();
  assert.equal(store.receive(first, { items: [item('stale', { allDay: true, start: '2026-12-08', end: '2026-12-09' })] }), false, 'an earlier load answering late');
  assert.equal(store.loaded(), false);
  assert.deepEqual(store.items(), []);
  assert.equal(store.isLatest(first), false);
  assert.equal(store.receive(second, { items: [item('fresh', { allDay: true, start: '2026-12-08', end: '2026-12-09' })], truncated: true }), true);
  assert.equal(store.loaded(), true);
  assert.equal(store.truncated(), true);
  assert.deepEqual(store.days().get('2026-12-08').map((i) => i.id), ['fresh']);
  assert.equal(store.days().size, 7);
  store.startLoading();
  assert.equal(store.loaded(), false, 'a new range is loading: the items are not its own yet');
});
