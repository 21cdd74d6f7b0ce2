// Calendar arithmetic of the browser app (assets/dates.js), with Node's own test runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as dates from '../../main/webapp/assets/dates.js';

test('an instant reads as the wall clock of the zone asked for, whatever the machine runs in', () => {
  const instant = new Date('2026-03-01T15:30:00Z');
  assert.deepEqual(dates.zonedParts(instant, 'Asia/Seoul'), { year: 2026, month: 3, day: 2, hour: 0, minute: 30, second: 0 });
  assert.deepEqual(dates.zonedParts(instant, 'America/Los_Angeles'), { year: 2026, month: 3, day: 1, hour: 7, minute: 30, second: 0 });
  assert.equal(dates.localDate('2026-03-01T15:30:00Z', 'Asia/Seoul'), '2026-03-02');
});

test('a local date-time input goes to its instant and back, also across a change to summer time', () => {
  for (const [value, zone, iso] of [
    ['2026-12-07T09:00', 'Asia/Seoul', '2026-12-07T00:00:00.000Z'],
    ['2026-03-08T01:30', 'America/New_York', '2026-03-08T06:30:00.000Z'], // the last hour before the change
    ['2026-03-08T03:30', 'America/New_York', '2026-03-08T07:30:00.000Z'], // the first after it
    ['2026-10-25T12:00', 'Europe/Berlin', '2026-10-25T11:00:00.000Z'],
  ]) {
    assert.equal(dates.fromLocalInput(value, zone), iso, `${value} in ${zone}`);
    assert.equal(dates.toLocalInput(iso, zone), value, `${iso} in ${zone}`);
  }
});

test('a time summer time skips moves forward by the gap; a time it repeats is the earlier one (as java.time)', () => {
  assert.equal(dates.fromLocalInput('2026-03-08T02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z', '03:30 EDT');
  assert.equal(dates.fromLocalInput('2026-11-01T01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z', '01:30 EDT, not EST');
  assert.equal(dates.fromLocalInput('2026-03-29T02:30', 'Europe/Berlin'), '2026-03-29T01:30:00.000Z', '03:30 CEST');
  assert.equal(dates.fromLocalInput('', 'Asia/Seoul'), null);
  assert.equal(dates.fromLocalInput('yesterday', 'Asia/Seoul'), null);
  assert.equal(dates.toLocalInput('not a date', 'Asia/Seoul'), '');
});

test('dates add days and months as a calendar does', () => {
  assert.equal(dates.addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(dates.addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(dates.addMonths('2026-01-31', 1), '2026-02-28', 'the day is clamped to the month');
  assert.equal(dates.addMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(dates.addMonths('2026-11-15', 3), '2027-02-15');
  assert.equal(dates.addMonths('2026-03-31', -1), '2026-02-28');
});

test('weeks start on the day asked for; days between dates ignore summer time', () => {
  assert.equal(dates.weekday('2026-12-07'), 1, 'a Monday');
  assert.equal(dates.startOfWeek('2026-12-07', 0), '2026-12-06');
  assert.equal(dates.startOfWeek('2026-12-06', 1), '2026-11-30');
  assert.equal(dates.startOfMonth('2026-12-07'), '2026-12-01');
  assert.equal(dates.daysBetween('2026-03-01', '2026-04-01'), 31);
  assert.equal(dates.daysBetween('2026-04-01', '2026-03-01'), -31);
  assert.equal(dates.dateAtNoonUtc('2026-12-07').toISOString(), '2026-12-07T12:00:00.000Z');
  assert.equal(dates.parseDate('no date'), null);
});
