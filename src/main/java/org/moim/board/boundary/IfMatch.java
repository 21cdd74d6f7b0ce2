package org.moim.board.boundary;

import org.moim.platform.problem.InvalidField;

/** The version an {@code If-Match} header names: {@code "3"} (or {@code W/"3"}); none for absent or {@code *}. */
final class IfMatch {

    private IfMatch() {
    }

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
            throw new InvalidField("If-Match", "must be the quoted ETag you read, e.g. \"3\"");
        }
    }
}
