package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.moim.file.entity.Blob;

/**
 * The rows of stored content and the one rule that keeps them honest with storage: content is
 * put in place, and deleted, only while its row is locked. An upload reusing content locks the
 * row (creating it if needed) before it moves its copy into place and records its file; the
 * collector locks it, finds no file referencing it, and only then deletes the content and the
 * row. Whichever comes second sees what the first did.
 */
@ApplicationScoped
public class Blobs {

    private static final Logger LOG = Logger.getLogger(Blobs.class.getName());

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FileStorage storage;

    @Inject
    Clock clock;

    /**
     * The content's row, locked until the caller's transaction ends; created when new. Two
     * uploads creating the same row at once make one fail with a duplicate key (it retries).
     */
    @Transactional(TxType.MANDATORY)
    public Blob lock(String sha256, long size) {
        Blob blob = em.find(Blob.class, sha256, LockModeType.PESSIMISTIC_WRITE);
        if (blob == null) {
            blob = new Blob(sha256, size, clock.instant());
            em.persist(blob);
            em.flush();
        }
        return blob;
    }

    /**
     * Deletes the content (and its thumbnail and converted audio) if no file references it any more; false when one
     * does or the row is gone already. Its own transaction: the row lock is held from the check
     * to the commit.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean collect(String sha256) {
        Blob blob = em.find(Blob.class, sha256, LockModeType.PESSIMISTIC_WRITE);
        if (blob == null) {
            return false;
        }
        long references = em.createQuery("select count(f) from StoredFile f where f.sha256 = :sha", Long.class)
                .setParameter("sha", sha256)
                .getSingleResult();
        if (references > 0) {
            return false;
        }
        try {
            storage.delete(StorageKey.blob(sha256));
            storage.delete(StorageKey.thumbnail(sha256));
            storage.delete(StorageKey.audio(sha256));
        } catch (IOException e) {
            // The row stays, so the next sweep tries again.
            throw new UncheckedIOException("Cannot delete content " + sha256, e);
        }
        em.remove(blob);
        LOG.fine(() -> "Deleted content " + sha256 + " (no file references it)");
        return true;
    }

    /** Up to {@code limit} content rows no file references. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<String> unreferenced(int limit) {
        return em.createQuery("""
                        select b.sha256 from Blob b
                        where not exists (select f.id from StoredFile f where f.sha256 = b.sha256)""", String.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Which of these hashes have a row. */
    @Transactional(TxType.REQUIRES_NEW)
    public Set<String> known(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select b.sha256 from Blob b where b.sha256 in :shas", String.class)
                .setParameter("shas", sha256s)
                .getResultList());
    }
}
