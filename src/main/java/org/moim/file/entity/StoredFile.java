package org.moim.file.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.moim.identity.entity.Account;

/**
 * A file as people see it: a name in a workspace, pointing at content ({@link Blob}) by its
 * SHA-256. Optionally attached to a target (a card, a chat message…); its scope is where the
 * target lives (the board, the channel) and decides who may see the file.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Column(nullable = false, length = 510)
    private String name;

    /** The name lower-cased, for sorting and searching the same way on every database. */
    @Column(name = "sort_name", nullable = false, length = 510)
    private String sortName;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "content_type", nullable = false, length = 127)
    private String contentType;

    @Column(nullable = false, length = 64)
    private String sha256;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "uploader_id")
    private Account uploader;

    /** The same column, for filtering without a join. */
    @Column(name = "uploader_id", length = 36, insertable = false, updatable = false)
    private String uploaderId;

    @Column(name = "target_kind", length = 16)
    private String targetKind;

    @Column(name = "target_id", length = 64)
    private String targetId;

    @Column(name = "scope_kind", length = 16)
    private String scopeKind;

    @Column(name = "scope_id", length = 64)
    private String scopeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ThumbnailState thumbnail;

    @Column(name = "thumbnail_job_id", length = 36)
    private String thumbnailJobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConversionState conversion;

    @Column(name = "conversion_job_id", length = 36)
    private String conversionJobId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected StoredFile() {
    }

    /** A file of {@code blob}'s content; target and scope are both given or both null. */
    public StoredFile(String workspaceId, String name, String contentType, Blob blob, Account uploader,
                      AttachmentTarget target, AttachmentTarget scope, Instant now) {
        if ((target == null) != (scope == null)) {
            throw new IllegalArgumentException("an attachment target needs its scope, and only then");
        }
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.contentType = Objects.requireNonNull(contentType);
        this.sha256 = blob.sha256();
        this.size = blob.size();
        this.uploader = uploader;
        this.uploaderId = uploader == null ? null : uploader.id();
        if (target != null) {
            this.targetKind = target.kind();
            this.targetId = target.id();
            this.scopeKind = scope.kind();
            this.scopeId = scope.id();
        }
        this.thumbnail = ThumbnailState.NONE;
        this.conversion = ConversionState.NONE;
        this.createdAt = now;
        rename(name, now);
    }

    /**
     * Attaches the file (attached to nothing, or to a place in the same scope) to a target in
     * that scope: a channel's file sent with one of its messages.
     */
    public void attachTo(AttachmentTarget target, AttachmentTarget scope, Instant now) {
        Objects.requireNonNull(target);
        Objects.requireNonNull(scope);
        if (scopeKind != null && !scope().orElseThrow().equals(scope)) {
            throw new IllegalStateException("file " + id + " is attached in " + scope().orElseThrow() + ", not " + scope);
        }
        this.targetKind = target.kind();
        this.targetId = target.id();
        this.scopeKind = scope.kind();
        this.scopeId = scope.id();
        this.updatedAt = now;
    }

    public void rename(String name, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.sortName = sortKey(name);
        this.updatedAt = now;
    }

    public static String sortKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A conversion job is making the thumbnail. */
    public void thumbnailPending(String jobId) {
        this.thumbnail = ThumbnailState.PENDING;
        this.thumbnailJobId = jobId;
    }

    public void thumbnailReady() {
        this.thumbnail = ThumbnailState.READY;
    }

    /** No thumbnail after all; a ready one stays ready. */
    public void thumbnailNone() {
        if (thumbnail == ThumbnailState.PENDING) {
            this.thumbnail = ThumbnailState.NONE;
        }
    }

    /** A voice message: a conversion job is making the playable audio. */
    public void conversionPending(String jobId) {
        this.conversion = ConversionState.PENDING;
        this.conversionJobId = jobId;
    }

    public void conversionReady() {
        this.conversion = ConversionState.READY;
    }

    /** The conversion job ran out of attempts; only a pending conversion can fail. */
    public void conversionFailed() {
        if (conversion == ConversionState.PENDING) {
            this.conversion = ConversionState.FAILED;
        }
    }

    public boolean isUploadedBy(String accountId) {
        return uploaderId != null && uploaderId.equals(accountId);
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    public String sha256() {
        return sha256;
    }

    /** Null when the account is gone. */
    public Account uploader() {
        return uploader;
    }

    public Optional<AttachmentTarget> target() {
        return targetKind == null ? Optional.empty() : Optional.of(new AttachmentTarget(targetKind, targetId));
    }

    public Optional<AttachmentTarget> scope() {
        return scopeKind == null ? Optional.empty() : Optional.of(new AttachmentTarget(scopeKind, scopeId));
    }

    public ThumbnailState thumbnail() {
        return thumbnail;
    }

    public String thumbnailJobId() {
        return thumbnailJobId;
    }

    public ConversionState conversion() {
        return conversion;
    }

    public String conversionJobId() {
        return conversionJobId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
