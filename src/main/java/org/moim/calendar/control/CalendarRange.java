package org.moim.calendar.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.moim.platform.problem.InvalidField;

/**
 * A range of the calendar as someone in a time zone sees it: the instants {@code [from, to)} and
 * the days they touch, {@code [firstDay, endDay)} (end exclusive), which decide the all-day events
 * in it.
 */
public record CalendarRange(Instant from, Instant to, ZoneId zone, LocalDate firstDay, LocalDate endDay) {

    /**
     * Reads {@code from} and {@code to}: dates ({@code 2025-03-01}, midnight in the zone), local
     * date-times ({@code 2025-03-01T08:00}, in the zone) or date-times with an offset. {@code tz}
     * is an IANA zone; null takes {@code defaultZone}.
     */
    public static CalendarRange parse(String from, String to, String tz, ZoneId defaultZone, int maxDays) {
        ZoneId zone = zone(tz, defaultZone);
        Instant start = instant("from", from, zone);
        Instant end = instant("to", to, zone);
        if (!end.isAfter(start)) {
            throw new InvalidField("to", "must be after from");
        }
        LocalDate firstDay = start.atZone(zone).toLocalDate();
        LocalDate lastDay = end.atZone(zone).toLocalDate();
        LocalDate endDay = end.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT) ? lastDay : lastDay.plusDays(1);
        if (ChronoUnit.DAYS.between(firstDay, endDay) > maxDays) {
            throw new CalendarRangeTooLong(maxDays);
        }
        return new CalendarRange(start, end, zone, firstDay, endDay);
    }

    private static ZoneId zone(String tz, ZoneId defaultZone) {
        if (tz == null || tz.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw new InvalidField("tz", "must be an IANA time zone such as Asia/Seoul");
        }
    }

    private static Instant instant(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "must not be empty: a date like 2025-03-01 or a date-time like 2025-03-01T00:00:00+09:00");
        }
        String text = value.strip();
        Instant instant;
        LocalDate day;
        try {
            if (text.length() <= 10) {
                instant = LocalDate.parse(text).atStartOfDay(zone).toInstant();
            } else if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                instant = OffsetDateTime.parse(text).toInstant();
            } else {
                instant = LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            day = instant.atZone(zone).toLocalDate();
        } catch (DateTimeException e) {
            throw new InvalidField(field, "must be a date like 2025-03-01 or a date-time like 2025-03-01T00:00:00+09:00");
        }
        if (day.isBefore(EventTimes.FIRST_DAY) || day.isAfter(EventTimes.LAST_DAY)) {
            throw new InvalidField(field, "must lie between the years 1900 and 9999");
        }
        return instant;
    }
}
