package org.moim.platform.web;

import org.moim.platform.problem.InvalidField;

/**
 * The version an {@code If-Match} header names, for the resources that answer a strong
 * {@code ETag} of an entity's version: {@code "3"} (or {@code W/"3"}) is 3; absent or {@code *} is
 * none (null). Anything else answers 400 with the field {@code If-Match}.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long version(String ifMatch) {
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
