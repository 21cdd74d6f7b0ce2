package org.moim.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
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

    /** Where its message goes, and the message itself, so that a later attempt can be queued again. */
    @Column(length = 64)
    private String queue;

    @Lob
    private String envelope;

    /** When the next attempt is queued (a {@code FAILED} job that waits); null otherwise. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

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

    /** Remembers the job's queue and message (its JSON), for attempts queued again later. */
    public void queuedAs(String queue, String envelope) {
        this.queue = Objects.requireNonNull(queue);
        this.envelope = Objects.requireNonNull(envelope);
    }

    /** Done; true when this call finished it (false when it was finished already). */
    public boolean succeed(Instant now) {
        if (status.isFinal()) {
            return false;
        }
        status = JobStatus.SUCCEEDED;
        nextAttemptAt = null;
        updatedAt = now;
        return true;
    }

    /** The attempt failed; the broker will try again (the job keeps no schedule of its own then). */
    public void fail(String error, Instant now) {
        if (!status.isFinal()) {
            status = JobStatus.FAILED;
            nextAttemptAt = null;
            lastError = oneLine(error);
            updatedAt = now;
        }
    }

    /** The attempt failed; the next one is queued at {@code next} (see {@link #requeue}). */
    public void failUntil(String error, Instant next, Instant now) {
        if (!status.isFinal()) {
            status = JobStatus.FAILED;
            lastError = oneLine(error);
            nextAttemptAt = Objects.requireNonNull(next);
            updatedAt = now;
        }
    }

    /**
     * The wait for the next attempt is over: the job is {@code QUEUED} again (its message is sent
     * again by the caller) and watched: if it is still {@code QUEUED} or {@code RUNNING} after
     * {@code watch} (its message or its attempt was lost), it is due again. False, and nothing
     * changes, when it does not wait or not yet.
     */
    public boolean requeue(Instant now, java.time.Duration watch) {
        boolean waiting = status == JobStatus.FAILED || status == JobStatus.QUEUED || status == JobStatus.RUNNING;
        if (!waiting || nextAttemptAt == null || nextAttemptAt.isAfter(now) || envelope == null) {
            return false;
        }
        status = JobStatus.QUEUED;
        nextAttemptAt = now.plus(watch);
        updatedAt = now;
        return true;
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
        nextAttemptAt = null;
        if (lastError == null) {
            lastError = oneLine(reason);
        }
        updatedAt = now;
        return true;
    }

    /**
     * Someone asks for a dead job to be tried again: a new round of attempts, {@code QUEUED} and
     * watched like a retry (its message is sent again by the caller). False, and nothing
     * changes, unless it is {@code DEAD} with a message to send.
     */
    public boolean revive(Instant now, java.time.Duration watch) {
        if (status != JobStatus.DEAD || envelope == null) {
            return false;
        }
        status = JobStatus.QUEUED;
        attempts = 0;
        nextAttemptAt = now.plus(watch);
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

    public String queue() {
        return queue;
    }

    public String envelope() {
        return envelope;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public long version() {
        return version;
    }
}
