package org.moim.board.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.moim.platform.problem.InvalidField;

/**
 * Texts, colours and dates of boards as clients send them: trimmed, counted in code points (so
 * Korean and emoji count as people expect), no invisible control characters; stored verbatim.
 * A blank optional value means "none" (null).
 */
public final class BoardTexts {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private BoardTexts() {
    }

    /** A one-line name or title: not blank, at most {@code max} characters. */
    public static String name(String field, String value, int max) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            throw new InvalidField(field, "must not be blank");
        }
        checkLength(field, name, max);
        if (name.codePoints().anyMatch(BoardTexts::isInvisibleControl)) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return name;
    }

    /** Multi-line text (Markdown): line breaks and tabs are fine; may be empty unless {@code required}. */
    public static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new InvalidField(field, "must not be blank");
        }
        checkLength(field, text, max);
        if (text.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && isInvisibleControl(c))) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return text;
    }

    /** {@code #rrggbb}, stored lower case; blank means none (null). */
    public static String colour(String field, String value) {
        String colour = value == null ? "" : value.strip();
        if (colour.isEmpty()) {
            return null;
        }
        if (!COLOUR.matcher(colour).matches()) {
            throw new InvalidField(field, "must be a colour like #3366ff");
        }
        return colour.toLowerCase(Locale.ROOT);
    }

    /** A calendar date {@code 2026-03-01}; blank means none (null). */
    public static LocalDate date(String field, String value) {
        String date = value == null ? "" : value.strip();
        if (date.isEmpty()) {
            return null;
        }
        try {
            LocalDate parsed = LocalDate.parse(date);
            if (parsed.getYear() < 1900 || parsed.getYear() > 9999) {
                throw new InvalidField(field, "must be between the years 1900 and 9999");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date like 2026-03-01");
        }
    }

    /** A UTC instant {@code 2026-03-01T09:00:00Z} (any offset accepted), to the microsecond; blank means none. */
    public static Instant instant(String field, String value) {
        String instant = value == null ? "" : value.strip();
        if (instant.isEmpty()) {
            return null;
        }
        try {
            Instant parsed = java.time.OffsetDateTime.parse(instant).toInstant();
            if (parsed.getNano() % 1000 != 0) {
                parsed = parsed.minusNanos(parsed.getNano() % 1000);
            }
            if (parsed.isBefore(Instant.parse("1900-01-01T00:00:00Z")) || parsed.isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
                throw new InvalidField(field, "must be between the years 1900 and 9999");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a UTC date and time like 2026-03-01T09:00:00Z");
        }
    }

    private static void checkLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidField(field, "must be at most " + max + " characters long");
        }
    }

    // Zero-width joiner (U+200D) glues emoji together; other format characters hide text.
    private static boolean isInvisibleControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != 0x200D;
    }
}
