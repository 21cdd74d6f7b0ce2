package org.moim.file.control;

import java.util.Locale;
import org.moim.platform.problem.InvalidField;

/**
 * A file browser's question: filters (uploader, content type, attachment target, a piece of the
 * name), a sort and a page.
 */
public record FileQuery(String uploaderId, String type, String target, String search, Sort sort, boolean descending,
                        int limit, String cursor) {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;
    static final int MAX_SEARCH = 100;

    public enum Sort {
        DATE, NAME, SIZE
    }

    /** From request parameters: sort {@code date} (newest first), {@code name} (A–Z) or {@code size} (largest first). */
    public static FileQuery of(String uploaderId, String type, String target, String search, String sort, String order,
                               int limit, String cursor) {
        Sort by;
        try {
            by = sort == null || sort.isBlank() ? Sort.DATE : Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("sort", "must be date, name or size");
        }
        boolean descending;
        if (order == null || order.isBlank()) {
            descending = by != Sort.NAME;
        } else if (order.equalsIgnoreCase("asc") || order.equalsIgnoreCase("desc")) {
            descending = order.equalsIgnoreCase("desc");
        } else {
            throw new InvalidField("order", "must be asc or desc");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (search != null && search.length() > MAX_SEARCH) {
            throw new InvalidField("q", "must be at most " + MAX_SEARCH + " characters long");
        }
        if (type != null && !type.isBlank() && !type.strip().matches("[A-Za-z0-9.+-]+/(\\*|[A-Za-z0-9.+-]+)")) {
            throw new InvalidField("type", "must be a content type (image/png) or a family (image/*)");
        }
        return new FileQuery(blankToNull(uploaderId), blankToNull(type), blankToNull(target), blankToNull(search), by,
                descending, limit, cursor);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
