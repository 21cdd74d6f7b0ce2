package org.moim.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A unit of background work and how it went. */
@Entity
@Table(name = "job")
public class Job {

    /** Longest {@code lastError} kept: one line for people, never a stack trace. */
    public static final int MAX_ERROR_LENGTH = 500;

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "owner_account_id", nullable = false, length = 36)
    private String ownerAccountId;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 64)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    @Version
    private long version;

    protected Job() {
    }

    public Job(String type, String ownerAccountId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.type = Objects.requireNonNull(type);
        this.ownerAccountId = Objects.requireNonNull(ownerAccountId);
        this.idempotencyKey = UUID.randomUUID().toString();
        this.status = JobStatus.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Starts an attempt; false (and nothing changes) when the job is already finished. */
    public boolean start(Instant now) {
        if (status.isFinal()) {
            return false;
        }
        status = JobStatus.RUNNING;
        attempts++;
        updatedAt = now;
        return true;
    }

    /** Done; true when this call finished it (false when it was finished already). */
    public boolean succeed(Instant now) {
        if (status.isFinal()) {
            return false;
        }
        status = JobStatus.SUCCEEDED;
        updatedAt = now;
        return true;
    }

    /** The attempt failed; the broker will try again. */
    public void fail(String error, Instant now) {
        if (!status.isFinal()) {
            status = JobStatus.FAILED;
            lastError = oneLine(error);
            updatedAt = now;
        }
    }

    /**
     * No attempt is left. Keeps the last attempt's error when no better reason is given. True
     * when this call finished it (false when it was finished already).
     */
    public boolean bury(String reason, Instant now) {
        if (status.isFinal()) {
            return false;
        }
        status = JobStatus.DEAD;
        if (lastError == null) {
            lastError = oneLine(reason);
        }
        updatedAt = now;
        return true;
    }

    static String oneLine(String error) {
        if (error == null || error.isBlank()) {
            return "unknown error";
        }
        String line = error.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_ERROR_LENGTH ? line : line.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public JobStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String ownerAccountId() {
        return ownerAccountId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String lastError() {
        return lastError;
    }

    public long version() {
        return version;
    }
}
