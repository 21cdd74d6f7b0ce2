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
        String plain = createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor (the first page). */
    public static Cursor decode(String field, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            String id = plain.substring(bar + 1);
            if (bar < 0 || id.isEmpty() || id.length() > 36) {
                throw new IllegalArgumentException(plain);
            }
            return new Cursor(Instant.parse(plain.substring(0, bar)), id);
        } catch (RuntimeException e) {
            throw new InvalidField(field, "is not a cursor this API gave out");
        }
    }

    /** Where a page of a list read by name ended: base64url of {@code "@" + name + "|" + id}. */
    public record Named(String name, String id) {

        public String encode() {
            String plain = "@" + name + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        /** Null for no cursor (the first page); a cursor of a list by time, or none the API gave out, is refused. */
        public static Named decode(String field, String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = plain.lastIndexOf('|');
                if (!plain.startsWith("@") || bar < 1) {
                    throw new IllegalArgumentException(plain);
                }
                String id = plain.substring(bar + 1);
                if (id.isEmpty() || id.length() > 36) {
                    throw new IllegalArgumentException(plain);
                }
                return new Named(plain.substring(1, bar), id);
            } catch (RuntimeException e) {
                throw new InvalidField(field, "is not a cursor this API gave out");
            }
        }
    }
}
