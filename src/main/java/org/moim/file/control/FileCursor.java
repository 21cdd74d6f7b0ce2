package org.moim.file.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.moim.platform.problem.InvalidField;

/**
 * Where a page of files ended, for keyset pagination in any sort: the sort it belongs to, the
 * last item's sort value and id. Opaque to clients (base64url); a cursor of another sort is
 * refused.
 */
record FileCursor(FileQuery.Sort sort, boolean descending, String value, String id) {

    String encode() {
        String plain = sort.name() + "|" + (descending ? "d" : "a") + "|" + id + "|" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for none (the first page). */
    static FileCursor decode(String text, FileQuery.Sort sort, boolean descending) {
        if (text == null || text.isBlank()) {
            return null;
        }
        FileCursor cursor;
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 4);
            cursor = new FileCursor(FileQuery.Sort.valueOf(parts[0]), parts[1].equals("d"), parts[3], parts[2]);
            if (parts[2].isEmpty() || parts[2].length() > 36 || !(parts[1].equals("d") || parts[1].equals("a"))) {
                throw new IllegalArgumentException(plain);
            }
        } catch (RuntimeException e) {
            throw new InvalidField("cursor", "is not a cursor this API gave out");
        }
        if (cursor.sort != sort || cursor.descending != descending) {
            throw new InvalidField("cursor", "belongs to another sort order; start again without a cursor");
        }
        return cursor;
    }
}
