package org.moim.workspace.control;

import org.moim.platform.problem.InvalidField;

/**
 * Names, descriptions and avatars of workspaces: trimmed, counted in code points (so Korean and
 * emoji count as people expect), no control characters; otherwise stored verbatim.
 */
public final class WorkspaceTexts {

    public static final int NAME_MAX = 80;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int AVATAR_MAX = 64;

    private WorkspaceTexts() {
    }

    public static String name(String field, String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            throw new InvalidField(field, "must not be blank");
        }
        checkLength(field, name, NAME_MAX);
        if (name.codePoints().anyMatch(WorkspaceTexts::isInvisibleControl)) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return name;
    }

    /** Line breaks and tabs are fine in a description. */
    public static String description(String field, String value) {
        String description = value == null ? "" : value.strip();
        checkLength(field, description, DESCRIPTION_MAX);
        if (description.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && isInvisibleControl(c))) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return description;
    }

    /**
     * A short URL-safe string or an emoji: ASCII letters, digits and {@code - . _ ~}, or any
     * non-ASCII symbol; no spaces or controls. Blank means none (null).
     */
    public static String avatar(String field, String value) {
        String avatar = value == null ? "" : value.strip();
        if (avatar.isEmpty()) {
            return null;
        }
        checkLength(field, avatar, AVATAR_MAX);
        boolean ok = avatar.codePoints().allMatch(c -> c < 128
                ? Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'
                : !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisibleControl(c));
        if (!ok) {
            throw new InvalidField(field, "must be a URL-safe short string (letters, digits, - . _ ~) or an emoji");
        }
        return avatar;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidField(field, "must be at most " + max + " characters long");
        }
    }

    // Zero-width joiner (U+200D) glues emoji together; other format characters hide text.
    private static boolean isInvisibleControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != 0x200D;
    }
}
