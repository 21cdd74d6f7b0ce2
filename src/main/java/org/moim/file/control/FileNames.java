package org.moim.file.control;

import java.text.Normalizer;
import org.moim.platform.problem.InvalidField;

/**
 * File names as people give them. They are labels only (storage never sees them), but they end
 * up in headers, lists and other people's download folders, so a name is refused, not silently
 * changed, when it is blank, longer than {@value #MAX} characters (code points), a path
 * ({@code /} or {@code \}, {@code .} or {@code ..}), or contains control or invisible formatting
 * characters (including bidirectional overrides that disguise {@code gnp.exe} as
 * {@code exe.png}). Accepted names are trimmed and normalised to NFC (macOS sends decomposed
 * Korean).
 */
public final class FileNames {

    public static final int MAX = 255;

    private FileNames() {
    }

    public static String check(String field, String value) {
        String name = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            throw new InvalidField(field, "must not be blank");
        }
        if (name.codePointCount(0, name.length()) > MAX) {
            throw new InvalidField(field, "must be at most " + MAX + " characters long");
        }
        if (name.codePoints().anyMatch(FileNames::isInvisibleControl)) {
            throw new InvalidField(field, "must not contain control or invisible formatting characters");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
            throw new InvalidField(field, "must be a file name, not a path (no / or \\)");
        }
        return name;
    }

    /** The part after the last dot, lower-cased; empty when there is none. */
    public static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    // Zero-width joiner (U+200D) glues emoji together; every other format character can hide text.
    private static boolean isInvisibleControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != 0x200D
                || c == 0x2028 || c == 0x2029;
    }
}
