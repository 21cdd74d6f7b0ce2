package org.moim.calendar.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import org.moim.calendar.entity.EventTime;
import org.moim.platform.problem.InvalidField;

/**
 * Reads the {@code start} and {@code end} of an event: dates ({@code 2025-03-01}, end exclusive)
 * for all-day events, date-times with an offset ({@code 2025-03-01T09:00:00+09:00}) for timed
 * ones. Anything else, or an end not after the start, is an invalid field.
 */
public final class EventTimes {

    /** The earliest and latest days an event may touch (DATETIME and DATE hold these everywhere). */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private EventTimes() {
    }

    /** A new event's time; an all-day event without {@code end} lasts one day. */
    public static EventTime of(boolean allDay, String start, String end) {
        if (start == null) {
            throw new InvalidField("start", "must not be null");
        }
        if (allDay) {
            LocalDate first = date("start", start);
            LocalDate after = end == null ? first.plusDays(1) : date("end", end);
            return allDay(first, after);
        }
        if (end == null) {
            throw new InvalidField("end", "must not be null for a timed event");
        }
        return timed(instant("start", start), instant("end", end));
    }

    /**
     * An event's time after a change of some of its parts: {@code allDay}, {@code start},
     * {@code end} (each null when unchanged). Switching between all-day and timed needs the new
     * start (and, for a timed event, the new end) in the new form.
     */
    public static EventTime change(EventTime current, Boolean allDay, String start, String end) {
        boolean toAllDay = allDay == null ? current.allDay() : allDay;
        if (toAllDay != current.allDay()) {
            return of(toAllDay, start, end);
        }
        if (current instanceof EventTime.AllDay days) {
            LocalDate first = start == null ? days.start() : date("start", start);
            LocalDate after = end == null ? (start == null ? days.end() : first.plusDays(
                    days.end().toEpochDay() - days.start().toEpochDay())) : date("end", end);
            return allDay(first, after);
        }
        EventTime.Timed timed = (EventTime.Timed) current;
        Instant from = start == null ? timed.start() : instant("start", start);
        Instant to = end == null ? (start == null ? timed.end() : from.plus(Duration.between(timed.start(), timed.end())))
                : instant("end", end);
        return timed(from, to);
    }

    private static EventTime allDay(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            throw new InvalidField("end", "must be after start (the end of an all-day event is exclusive: the day after its last day)");
        }
        inRange("end", end);
        return new EventTime.AllDay(start, end);
    }

    private static EventTime timed(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new InvalidField("end", "must be after start");
        }
        inRange("end", end.atOffset(ZoneOffset.UTC).toLocalDate());
        return new EventTime.Timed(start, end);
    }

    static LocalDate date(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidField(field, "must be a date like 2025-03-01 for an all-day event");
        }
        return inRange(field, date);
    }

    static Instant instant(String field, String value) {
        OffsetDateTime dateTime;
        try {
            dateTime = OffsetDateTime.parse(value.strip());
            inRange(field, dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        } catch (DateTimeException e) {
            throw new InvalidField(field, "must be a date-time with an offset, like 2025-03-01T09:00:00+09:00 or 2025-03-01T00:00:00Z");
        }
        return dateTime.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate inRange(String field, LocalDate date) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new InvalidField(field, "must lie between the years 1900 and 9999");
        }
        return date;
    }
}
