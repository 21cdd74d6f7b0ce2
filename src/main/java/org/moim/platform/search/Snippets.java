package org.moim.platform.search;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Small helpers for search answers: an excerpt around a match, a date-time read from a native row. */
public final class Snippets {

    /** Characters shown on each side of the match. */
    public static final int RADIUS = 60;

    private Snippets() {
    }

    /** Up to {@link #RADIUS} characters either side of the first match (ellipses where cut), or null if none. */
    public static String around(String text, String query) {
        if (text == null) {
            return null;
        }
        int at = text.toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
        if (at < 0) {
            return null;
        }
        int from = Math.max(0, at - RADIUS);
        int to = Math.min(text.length(), at + query.length() + RADIUS);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        String excerpt = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + excerpt + (to < text.length() ? "…" : "");
    }

    /** A DATETIME column of a native query row, as the UTC instant it stores. */
    public static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a date-time: " + value);
    }
}
