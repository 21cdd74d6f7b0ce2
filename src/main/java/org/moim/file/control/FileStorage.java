package org.moim.file.control;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where file content is kept, by {@link StorageKey}: the extension point for storage back-ends.
 * {@link LocalFileStorage} (the default) keeps it under the data directory; an S3-compatible
 * store can implement the same contract (stage to a temporary object, then copy it to its key).
 *
 * <p>The contract: content becomes visible under a key only whole ({@link #keep} is atomic);
 * staged content that is neither kept nor discarded (a crash) is removed by
 * {@link #deleteStagedBefore}; keeping content under a key that exists replaces it (content
 * under a key is always the same, so a reader sees either copy whole).
 */
public interface FileStorage {

    /** Content written to a staging place, not yet visible under any key. */
    record Staged(String id, long size) {
    }

    /**
     * Copies the stream to a new staging place until it ends. Whatever the stream throws (a
     * broken connection, a limit) is rethrown after the staged bytes are removed.
     */
    Staged stage(InputStream content) throws IOException;

    /** Makes staged content visible under the key, atomically; the staging place is gone after. */
    void keep(Staged staged, StorageKey key) throws IOException;

    /** Removes staged content that will not be kept; nothing happens if it was kept already. */
    void discard(Staged staged);

    boolean exists(StorageKey key);

    /** The size of the content under the key; {@link java.nio.file.NoSuchFileException} when there is none. */
    long size(StorageKey key) throws IOException;

    /** The content from {@code offset} on; {@link java.nio.file.NoSuchFileException} when there is none. */
    InputStream open(StorageKey key, long offset) throws IOException;

    /** Removes the content under the key, if any. */
    void delete(StorageKey key) throws IOException;

    /** Removes staged content last written before the instant (left by a crash); returns how much. */
    int deleteStagedBefore(Instant before) throws IOException;

    /** Every key of the kind whose content was last written before the instant. */
    void forEach(StorageKey.Kind kind, Instant writtenBefore, Consumer<StorageKey> action) throws IOException;
}
