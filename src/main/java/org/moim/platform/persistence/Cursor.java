package org.moim.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.moim.platform.problem.InvalidField;

/**
 * Where a page ended, for keyset pagination (newest first, then by id). Opaque to
 * clients: base64url of the last item's creation time and id.
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
}
