package org.moim.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.moim.platform.problem.InvalidField;

/**
 * Where a page ended, for keyset pagination (by time, then by id). Opaque to clients: base64url of
 * the last item's creation time and id. Lists read by name use {@link Named}, the same format with
 * the name in place of the time.
 */
public record Cursor(Instant createdAt, String id) {

    public String encode() {
        return opaque(createdAt + "|" + id);
    }

    /** Null for no cursor (the first page). */
    public static Cursor decode(String field, String cursor) {
        return read(field, cursor, plain -> {
            int bar = plain.indexOf('|');
            return new Cursor(Instant.parse(plain.substring(0, bar)), idAfter(plain, bar));
        });
    }

    private static String opaque(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's plain text parsed by {@code parse}; any failure is the one 400 on {@code field}. */
    private static <T> T read(String field, String cursor, java.util.function.Function<String, T> parse) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return parse.apply(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new InvalidField(field, "is not a cursor this API gave out");
        }
    }

    /** The id after the bar at {@code bar}: present, at most 36 characters. */
    private static String idAfter(String plain, int bar) {
        String id = plain.substring(bar + 1);
        if (bar < 0 || id.isEmpty() || id.length() > 36) {
            throw new IllegalArgumentException(plain);
        }
        return id;
    }

    /** Where a page of a list read by name ended: base64url of {@code "@" + name + "|" + id}. */
    public record Named(String name, String id) {

        public String encode() {
            return opaque("@" + name + "|" + id);
        }

        /** Null for no cursor (the first page); a cursor of a list by time, or none the API gave out, is refused. */
        public static Named decode(String field, String cursor) {
            return read(field, cursor, plain -> {
                int bar = plain.lastIndexOf('|');
                if (!plain.startsWith("@") || bar < 1) {
                    throw new IllegalArgumentException(plain);
                }
                return new Named(plain.substring(1, bar), idAfter(plain, bar));
            });
        }
    }
}
