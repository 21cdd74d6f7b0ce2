package org.moim.keywordbot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone asked the keyword bot for a person in a thread; once a responder takes it, the bot says
 * nothing more in that thread.
 */
@Entity
@Table(name = "keyword_handover")
public class Handover {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Column(name = "channel_id", nullable = false, length = 36)
    private String channelId;

    /** The thread's first message. */
    @Column(name = "thread_id", nullable = false, length = 36)
    private String threadId;

    @Column(name = "asked_by", length = 36)
    private String askedBy;

    @Column(name = "taken_by", length = 36)
    private String takenBy;

    @Column(name = "taken_at")
    private Instant takenAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Handover() {
    }

    public Handover(String workspaceId, String channelId, String threadId, String askedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.channelId = Objects.requireNonNull(channelId);
        this.threadId = Objects.requireNonNull(threadId);
        this.askedBy = askedBy;
        this.createdAt = now;
    }

    /** Taken by {@code accountId}; false when someone had taken it already (the first one keeps it). */
    public boolean take(String accountId, Instant now) {
        if (takenBy != null) {
            return false;
        }
        takenBy = accountId;
        takenAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String channelId() {
        return channelId;
    }

    public String threadId() {
        return threadId;
    }

    public String askedBy() {
        return askedBy;
    }

    public String takenBy() {
        return takenBy;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
