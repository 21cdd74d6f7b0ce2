package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.moim.file.entity.StoredFile;
import org.moim.file.entity.ThumbnailState;
import org.moim.job.control.Jobs;
import org.moim.job.entity.Job;
import org.moim.job.entity.JobDied;

/**
 * Thumbnails of images: planned when a file is recorded, made by a conversion job. A thumbnail
 * is kept under the SHA-256 of its image, so identical images share one and a file whose content
 * has one already is {@code READY} at once, without a job.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Thumbnails {

    private static final Logger LOG = Logger.getLogger(Thumbnails.class.getName());

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FileStorage storage;

    @Inject
    Jobs jobs;

    /** Decides a new file's thumbnail: none, ready (shared content), or pending with a job queued. */
    public void plan(StoredFile file, String accountId) {
        if (!ThumbnailImages.canRead(file.contentType())) {
            return;
        }
        if (storage.exists(StorageKey.thumbnail(file.sha256()))) {
            file.thumbnailReady();
            return;
        }
        Job job = jobs.enqueue(Conversions.QUEUE, ThumbnailRequest.TYPE, ThumbnailRequest.VERSION, accountId,
                new ThumbnailRequest(file.id()).payload());
        file.thumbnailPending(job.id());
    }

    /**
     * Makes the file's thumbnail. Idempotent: a deleted file, a file that is no longer pending
     * and content whose thumbnail exists need no work. Content no decoder can read ends
     * {@code NONE} (the job succeeds; retrying cannot help); a storage failure is thrown, so
     * the job is retried.
     */
    public void make(String fileId) {
        StoredFile file = em.find(StoredFile.class, fileId);
        if (file == null || file.thumbnail() != ThumbnailState.PENDING) {
            return;
        }
        StorageKey thumbnail = StorageKey.thumbnail(file.sha256());
        if (!storage.exists(thumbnail)) {
            Optional<byte[]> png;
            try (InputStream content = storage.open(StorageKey.blob(file.sha256()), 0)) {
                png = ThumbnailImages.render(content);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the content of file " + fileId, e);
            }
            if (png.isEmpty()) {
                LOG.info(() -> "File " + fileId + " (" + file.contentType() + ") is no image ImageIO can read: no thumbnail");
                file.thumbnailNone();
                return;
            }
            try {
                storage.keep(storage.stage(new ByteArrayInputStream(png.get())), thumbnail);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store the thumbnail of file " + fileId, e);
            }
        }
        file.thumbnailReady();
    }

    /** A thumbnail job that ran out of attempts: its file gets no thumbnail. */
    void giveUp(@Observes JobDied died) {
        if (!ThumbnailRequest.TYPE.equals(died.type())) {
            return;
        }
        em.createQuery("select f from StoredFile f where f.thumbnailJobId = :job", StoredFile.class)
                .setParameter("job", died.jobId())
                .getResultList()
                .forEach(StoredFile::thumbnailNone);
    }
}
