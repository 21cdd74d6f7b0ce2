package org.moim.file.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.file.entity.FileDeleted;

/**
 * Deleting content nobody needs, in two ways:
 * <ul>
 *   <li>right after a file's deletion commits, its content is collected (in the background) if
 *       no other file shares it;</li>
 *   <li>every hour, {@link #sweep} collects every unreferenced content row (files of purged
 *       workspaces, a collection that failed), removes content, thumbnails and converted audio that have no row
 *       and were written more than {@link #ORPHAN_AGE} ago (an upload whose transaction failed
 *       after its move), and staged uploads older than {@link #STAGED_AGE} (a node that died
 *       mid-upload).</li>
 * </ul>
 * Idempotent and safe on every node at once: each deletion happens under the content's row lock
 * ({@link Blobs}).
 */
@ApplicationScoped
public class BlobSweep {

    private static final Logger LOG = Logger.getLogger(BlobSweep.class.getName());

    /** Content without a row is deleted only this long after it was written (uploads commit within seconds). */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);
    /** Staged uploads this old belong to no running upload. */
    static final Duration STAGED_AGE = Duration.ofDays(1);
    private static final int BATCH = 500;

    @Inject
    Blobs blobs;

    @Inject
    FileStorage storage;

    @Resource
    ManagedExecutorService executor;

    /** What one sweep removed. */
    public record Swept(int content, int orphans, int staged) {
    }

    void fileDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) FileDeleted deleted) {
        executor.execute(() -> {
            try {
                blobs.collect(deleted.sha256());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Content " + deleted.sha256() + " stays until the next sweep", e);
            }
        });
    }

    public Swept sweep(Instant now) {
        int content = 0;
        List<String> batch;
        Set<String> tried = new java.util.HashSet<>();
        while (!(batch = blobs.unreferenced(BATCH)).isEmpty() && tried.addAll(batch)) {
            for (String sha : batch) {
                try {
                    if (blobs.collect(sha)) {
                        content++;
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Cannot collect content " + sha, e);
                }
            }
        }
        int orphans = orphans(StorageKey.Kind.BLOB, now) + orphans(StorageKey.Kind.THUMBNAIL, now) + orphans(StorageKey.Kind.AUDIO, now);
        int staged;
        try {
            staged = storage.deleteStagedBefore(now.minus(STAGED_AGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Swept swept = new Swept(content, orphans, staged);
        if (content + orphans + staged > 0) {
            LOG.info(() -> "File sweep: " + swept);
        }
        return swept;
    }

    private int orphans(StorageKey.Kind kind, Instant now) {
        List<StorageKey> keys = new ArrayList<>();
        int[] deleted = {0};
        try {
            storage.forEach(kind, now.minus(ORPHAN_AGE), key -> {
                keys.add(key);
                if (keys.size() == BATCH) {
                    deleted[0] += deleteUnknown(keys);
                    keys.clear();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted[0] + deleteUnknown(keys);
    }

    private int deleteUnknown(List<StorageKey> keys) {
        Set<String> known = blobs.known(keys.stream().map(StorageKey::sha256).toList());
        int deleted = 0;
        for (StorageKey key : keys) {
            if (!known.contains(key.sha256())) {
                try {
                    storage.delete(key);
                    deleted++;
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Cannot delete " + key, e);
                }
            }
        }
        return deleted;
    }
}
