package org.moim.chat.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A workspace channel's name as shown ({@link #value()}: trimmed, a leading {@code #} dropped,
 * NFC) and as compared ({@link #key()}: NFKC and case-folded), so that names differing only by
 * case or Unicode normalization are the same name. 1 to {@value #MAX_LENGTH} characters (code
 * points), any script, no control characters.
 */
public record ChannelName(String value, String key) {

    public static final int MAX_LENGTH = 80;

    /** What is wrong with a proposed name, or empty if it is a name. */
    public static Optional<String> problem(String raw) {
        if (raw == null) {
            return Optional.of("is required");
        }
        String value = clean(raw);
        if (value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            return Optional.of("must not contain control characters or line breaks");
        }
        return Optional.empty();
    }

    /** The name; call {@link #problem(String)} first. */
    public static ChannelName of(String raw) {
        problem(raw).ifPresent(message -> {
            throw new IllegalArgumentException("Not a channel name: " + message);
        });
        String value = clean(raw);
        return new ChannelName(value, key(value));
    }

    private static String clean(String raw) {
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        return value.startsWith("#") ? value.substring(1).strip() : value;
    }

    /** NFKC, lower-cased, upper-cased and lower-cased again: a simple case fold (ß and ss stay apart). */
    static String key(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }
}
