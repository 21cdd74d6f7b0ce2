package org.moim.file.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a file is attached, as (kind, id): {@code card:<id>}, {@code board:<id>},
 * {@code channel:<id>}, {@code message:<id>}. Kinds are lower-case words; ids are opaque to the
 * file feature (the feature that owns the kind resolves them).
 */
public record AttachmentTarget(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,15}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public AttachmentTarget {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        if (!KIND.matcher(kind).matches() || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an attachment target: " + kind + ":" + id);
        }
    }

    /** {@code kind:id}, or null when the text is not of that form. */
    public static AttachmentTarget parse(String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String kind = text.substring(0, colon);
        String id = text.substring(colon + 1);
        return KIND.matcher(kind).matches() && ID.matcher(id).matches() ? new AttachmentTarget(kind, id) : null;
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
