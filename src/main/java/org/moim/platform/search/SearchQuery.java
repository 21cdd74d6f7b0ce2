package org.moim.platform.search;

import org.moim.platform.problem.InvalidField;

/** What may be searched for: 2 to 100 characters once trimmed; anything else is a 400 on {@code q}. */
public final class SearchQuery {

    public static final int MIN = 2;
    public static final int MAX = 100;

    private SearchQuery() {
    }

    /** The trimmed query, or 400 {@code invalid-field} on {@code q}. */
    public static String require(String query) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX * 2 || q.codePointCount(0, q.length()) > MAX || q.codePointCount(0, q.length()) < MIN) {
            throw new InvalidField("q", "must be " + MIN + " to " + MAX + " characters");
        }
        return q;
    }
}
