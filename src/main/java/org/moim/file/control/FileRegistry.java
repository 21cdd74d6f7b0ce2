package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.moim.file.entity.AttachmentTarget;
import org.moim.file.entity.Blob;
import org.moim.file.entity.StoredFile;
import org.moim.identity.entity.Account;
import org.moim.workspace.entity.Membership;

/**
 * The two short transactions around an upload's stream: {@link #admit} before (may the caller
 * upload here, where does the target live, how much may stream) and {@link #record} after (the
 * checks again, the quota, the content moved into place, the file row). No transaction or
 * database connection is held while the bytes stream.
 */
@ApplicationScoped
public class FileRegistry {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FilePolicy policy;

    @Inject
    AttachmentTargets targets;

    @Inject
    FileLimits limits;

    @Inject
    Blobs blobs;

    @Inject
    FileStorage storage;

    @Inject
    Thumbnails thumbnails;

    @Inject
    Clock clock;

    /** Who uploads where, with which target, and how many bytes may stream. */
    public record Admission(String workspaceId, String accountId, AttachmentTarget target, FileLimits.Allowance allowance) {
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Admission admit(String workspaceId, String accountId, String target) {
        policy.require(workspaceId, accountId, FileAction.UPLOAD_FILES);
        AttachmentTarget attachTo = targets.parse("target", target);
        if (attachTo != null) {
            targets.scopeOf(workspaceId, attachTo, accountId);
        }
        return new Admission(workspaceId, accountId, attachTo, limits.allowance(workspaceId));
    }

    /**
     * Records a staged upload as a file: checks the caller and target again (minutes may have
     * passed), counts it against the quota, moves the content into place under its row lock and
     * plans its thumbnail. If anything fails the transaction rolls back; content already moved
     * then has no row and the sweep removes it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public StoredFile record(Admission admission, String name, String contentType, FileStorage.Staged staged, String sha256) {
        String workspaceId = admission.workspaceId();
        Membership membership = policy.require(workspaceId, admission.accountId(), FileAction.UPLOAD_FILES);
        AttachmentTarget scope = admission.target() == null ? null
                : targets.scopeOf(workspaceId, admission.target(), admission.accountId());
        limits.charge(workspaceId, staged.size());
        Blob blob = blobs.lock(sha256, staged.size());
        try {
            storage.keep(staged, StorageKey.blob(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep an upload of " + staged.size() + " bytes", e);
        }
        Account uploader = membership.account();
        uploader.displayName();
        StoredFile file = new StoredFile(workspaceId, name, contentType, blob, uploader, admission.target(), scope, clock.instant());
        em.persist(file);
        thumbnails.plan(file, admission.accountId());
        em.flush();
        return file;
    }
}
