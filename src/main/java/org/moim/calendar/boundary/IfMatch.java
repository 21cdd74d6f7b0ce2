package org.moim.calendar.boundary;

import org.moim.platform.problem.InvalidField;

/** The version an If-Match header names. */
final class IfMatch {

    private IfMatch() {
    }

    /** {@code "3"} or {@code W/"3"} is 3; absent or {@code *} is none (null). */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidField("If-Match", "must be the quoted ETag of the event, e.g. \"3\"");
        }
    }
}
