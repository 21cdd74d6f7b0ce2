package org.moim.identity.control;

import org.moim.platform.problem.InvalidField;

/** Display names: trimmed, 1 to 100 characters, no control characters; anything else verbatim. */
public final class DisplayNames {

    public static final int MAX_LENGTH = 100;

    private DisplayNames() {
    }

    public static String clean(String field, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidField(field, "must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidField(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT && c != 0x200D)) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return trimmed;
    }
}
