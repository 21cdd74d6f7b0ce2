/**
 * Calendar arithmetic in the profile's time zone (which may differ from the
 * browser's), with Intl only: local dates as "YYYY-MM-DD" strings, local
 * date-times as "YYYY-MM-DDTHH:mm" (the value of <input type=datetime-local>),
 * and conversions between those and UTC instants.
 */
import { getDisplayTimeZone } from './i18n.js';

const pad = (n, width = 2) => String(n).padStart(width, '0');

const partsFormatters = new Map();
function partsIn(zone) {
  let format = partsFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, format);
  }
  return format;
}

/** {year, month, day, hour, minute, second} of an instant in a zone. */
export function zonedParts(date, zone = getDisplayTimeZone()) {
  const parts = Object.fromEntries(partsIn(zone).formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(date, zone) {
  const p = zonedParts(date, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * The instant at which the zone's wall clock shows this local time. A time shown twice (the hour
 * repeated when summer time ends) is its earlier instant; a time never shown (the hour skipped
 * when it starts) moves forward by the gap, 02:30 becoming 03:30, as java.time does on the server.
 */
export function zonedToDate(year, month, day, hour = 0, minute = 0, zone = getDisplayTimeZone()) {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets a day before and a day after: around a change they differ, elsewhere they agree.
  const withEarlierOffset = guess - offsetAt(new Date(guess - 86_400_000), zone);
  const withLaterOffset = guess - offsetAt(new Date(guess + 86_400_000), zone);
  const shows = (instant) => {
    const p = zonedParts(new Date(instant), zone);
    return p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
  };
  const existing = [withEarlierOffset, withLaterOffset].filter(shows).sort((a, b) => a - b);
  return new Date(existing.length ? existing[0] : withEarlierOffset);
}

/** "2025-03-04" → {year, month, day}. */
export function parseDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

export function formatIsoDate({ year, month, day }) {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The local date of an instant in the zone, "YYYY-MM-DD". */
export function localDate(iso, zone = getDisplayTimeZone()) {
  return formatIsoDate(zonedParts(new Date(iso), zone));
}

/** Today in the zone, "YYYY-MM-DD". */
export function today(zone = getDisplayTimeZone()) {
  return formatIsoDate(zonedParts(new Date(), zone));
}

/** An ISO instant → "YYYY-MM-DDTHH:mm" in the zone, for datetime-local inputs ('' for none). */
export function toLocalInput(iso, zone = getDisplayTimeZone()) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = zonedParts(date, zone);
  return `${formatIsoDate(p)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "YYYY-MM-DDTHH:mm" in the zone → ISO instant "…Z" (null for '' or nonsense). */
export function fromLocalInput(value, zone = getDisplayTimeZone()) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!m) return null;
  return zonedToDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), zone).toISOString();
}

/** Adds days to a "YYYY-MM-DD" date (pure calendar arithmetic, no zone). */
export function addDays(text, days) {
  const d = parseDate(text);
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return formatIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** Adds months to a "YYYY-MM-DD" date, clamping the day (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(text, months) {
  const d = parseDate(text);
  const first = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return formatIsoDate({ year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(d.day, last) });
}

/** 0 = Sunday … 6 = Saturday, for a "YYYY-MM-DD" date. */
export function weekday(text) {
  const d = parseDate(text);
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The first day of the week containing the date (weeks start on weekStart, 0 = Sunday). */
export function startOfWeek(text, weekStart = 0) {
  return addDays(text, -((weekday(text) - weekStart + 7) % 7));
}

export function startOfMonth(text) {
  const d = parseDate(text);
  return formatIsoDate({ year: d.year, month: d.month, day: 1 });
}

/** Whole days from a to b ("YYYY-MM-DD"). */
export function daysBetween(a, b) {
  const pa = parseDate(a);
  const pb = parseDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86_400_000);
}

/** A "YYYY-MM-DD" date as a Date at noon UTC (safe to format with timeZone: 'UTC'). */
export function dateAtNoonUtc(text) {
  const d = parseDate(text);
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}
