package org.moim.workspace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A workspace. Deleting it is soft: its owners may restore it for {@link #RESTORE_WINDOW}. */
@Entity
@Table(name = "workspace")
public class Workspace {

    /** How long a deleted workspace can be restored before it is purged. */
    public static final Duration RESTORE_WINDOW = Duration.ofDays(30);

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 4000)
    private String description;

    @Column(length = 128)
    private String avatar;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by", length = 36)
    private String deletedBy;

    @Version
    private long version;

    protected Workspace() {
    }

    public Workspace(String name, String description, String avatar, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = Objects.requireNonNull(name);
        this.description = description == null ? "" : description;
        this.avatar = avatar;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String name, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.updatedAt = now;
    }

    public void describe(String description, Instant now) {
        this.description = Objects.requireNonNull(description);
        this.updatedAt = now;
    }

    /** A null avatar removes it. */
    public void changeAvatar(String avatar, Instant now) {
        this.avatar = avatar;
        this.updatedAt = now;
    }

    public void delete(String accountId, Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
            deletedBy = accountId;
        }
    }

    public void restore(Instant now) {
        if (deletedAt != null) {
            deletedAt = null;
            deletedBy = null;
            updatedAt = now;
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Deleted, and still inside the restore window at {@code now}. */
    public boolean isRestorable(Instant now) {
        return deletedAt != null && now.isBefore(deletedAt.plus(RESTORE_WINDOW));
    }

    /** Workspaces deleted before this instant are past their restore window at {@code now}. */
    public static Instant purgeCutoff(Instant now) {
        return now.minus(RESTORE_WINDOW);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String avatar() {
        return avatar;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public long version() {
        return version;
    }
}
