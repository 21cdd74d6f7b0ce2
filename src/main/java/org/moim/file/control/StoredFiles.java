package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.moim.file.entity.FileDeleted;
import org.moim.file.entity.StoredFile;
import org.moim.file.entity.ThumbnailState;
import org.moim.platform.problem.NotFound;

/** One file: reading it, renaming it, deleting it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StoredFiles {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FilePolicy policy;

    @Inject
    FileLimits limits;

    @Inject
    Event<FileDeleted> deleted;

    @Inject
    Clock clock;

    public StoredFile get(String fileId, String accountId) {
        return policy.require(fileId, accountId, FilePolicy.Use.SEE);
    }

    /** The file whose thumbnail is ready; 404 while there is none (yet). */
    public StoredFile withThumbnail(String fileId, String accountId) {
        StoredFile file = get(fileId, accountId);
        if (file.thumbnail() != ThumbnailState.READY) {
            throw new NotFound("The thumbnail (" + file.thumbnail().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return file;
    }

    public StoredFile rename(String fileId, String accountId, String name) {
        StoredFile file = policy.require(fileId, accountId, FilePolicy.Use.CHANGE);
        file.rename(FileNames.check("name", name), clock.instant());
        em.flush();
        return file;
    }

    /**
     * Deletes the file row and gives its bytes back to the quota; the content itself goes after
     * the commit, if no other file shares it ({@link BlobSweep}).
     */
    public void delete(String fileId, String accountId) {
        StoredFile file = policy.require(fileId, accountId, FilePolicy.Use.CHANGE);
        em.remove(file);
        em.flush();
        limits.release(file.workspaceId(), file.size());
        deleted.fire(new FileDeleted(file.id(), file.workspaceId(), file.sha256()));
    }
}
