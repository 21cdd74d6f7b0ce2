package org.moim.file.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where content lives in {@link FileStorage}: a kind and a SHA-256 in lower-case hex. Nothing
 * else can be a key, so no name from a user ever becomes a path or an object name.
 */
public record StorageKey(Kind kind, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public enum Kind {
        /** A file's content. */
        BLOB,
        /** The thumbnail (PNG) of the image whose content has this hash. */
        THUMBNAIL,
        /** The playable audio (AAC in MP4) converted from the recording whose content has this hash. */
        AUDIO;

        /** The directory of this kind's content. */
        public String directory() {
            return switch (this) {
                case BLOB -> "blobs";
                case THUMBNAIL -> "thumbnails";
                case AUDIO -> "audio";
            };
        }

        /** The file name suffix of this kind's content. */
        public String suffix() {
            return switch (this) {
                case BLOB -> "";
                case THUMBNAIL -> ".png";
                case AUDIO -> ".m4a";
            };
        }
    }

    public StorageKey {
        Objects.requireNonNull(kind);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
    }

    public static StorageKey blob(String sha256) {
        return new StorageKey(Kind.BLOB, sha256);
    }

    public static StorageKey thumbnail(String sha256) {
        return new StorageKey(Kind.THUMBNAIL, sha256);
    }

    public static StorageKey audio(String sha256) {
        return new StorageKey(Kind.AUDIO, sha256);
    }

    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }
}
