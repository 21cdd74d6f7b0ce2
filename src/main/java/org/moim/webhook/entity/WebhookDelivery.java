package org.moim.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event on its way to one webhook, and how its attempts went. The body is fixed when the
 * delivery is made; each attempt is started by the queue message that carries the current
 * {@code attemptKey}, and only once.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** Longest {@code lastError} kept: one line, never a stack trace. */
    public static final int MAX_ERROR_LENGTH = 500;
    /**
     * A PENDING delivery whose message has not started an attempt by then is sent a new message
     * (the old one was lost, e.g. dead-lettered while the database was away; if it was only slow,
     * the new key makes it stale).
     */
    public static final Duration MESSAGE_LOST_AFTER = Duration.ofMinutes(10);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "webhook_id", nullable = false, length = 36)
    private String webhookId;

    @Column(name = "event_id", nullable = false, length = 36)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Lob
    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "attempt_key", length = 36)
    private String attemptKey;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    @Column(name = "duration_ms")
    private Long durationMillis;

    /**
     * When the retry poller looks at the delivery next. WAITING: the next attempt is due; SENDING:
     * the running attempt counts as lost; PENDING: the queued message counts as lost.
     */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(String webhookId, String eventId, String eventType, String body, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.webhookId = Objects.requireNonNull(webhookId);
        this.eventId = Objects.requireNonNull(eventId);
        this.eventType = Objects.requireNonNull(eventType);
        this.body = Objects.requireNonNull(body);
        this.status = DeliveryStatus.PENDING;
        this.attemptKey = UUID.randomUUID().toString();
        this.nextAttemptAt = now.plus(MESSAGE_LOST_AFTER);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Starts the attempt the message with {@code key} stands for; false (nothing changes) for a
     * stale or repeated message, or a finished delivery. The attempt counts as lost after {@code lease}.
     */
    public boolean start(String key, Instant now, Duration lease) {
        if (status != DeliveryStatus.PENDING || !Objects.equals(attemptKey, key)) {
            return false;
        }
        status = DeliveryStatus.SENDING;
        attempts++;
        lastAttemptAt = now;
        nextAttemptAt = now.plus(lease);
        updatedAt = now;
        return true;
    }

    /**
     * Whether what is seen of the delivery is older than the message queued at {@code queuedAtMillis}
     * (its {@code updatedAt} then): the transaction that queued it has not become visible here yet.
     */
    public boolean seenBefore(long queuedAtMillis) {
        return updatedAt.toEpochMilli() < queuedAtMillis;
    }

    public void succeeded(int httpStatus, long durationMillis, Instant now) {
        if (status != DeliveryStatus.SENDING) {
            return;
        }
        status = DeliveryStatus.SUCCEEDED;
        this.httpStatus = httpStatus;
        this.durationMillis = durationMillis;
        lastError = null;
        nextAttemptAt = null;
        attemptKey = null;
        updatedAt = now;
    }

    /**
     * The attempt failed: another one after {@code retryAfter}, or none ({@code null}: DEAD).
     * {@code httpStatus} is null when no answer came.
     */
    public void failed(Integer httpStatus, String error, Long durationMillis, Duration retryAfter, Instant now) {
        if (status != DeliveryStatus.SENDING) {
            return;
        }
        this.httpStatus = httpStatus;
        this.durationMillis = durationMillis;
        lastError = oneLine(error);
        status = retryAfter == null ? DeliveryStatus.DEAD : DeliveryStatus.WAITING;
        nextAttemptAt = retryAfter == null ? null : now.plus(retryAfter);
        attemptKey = null;
        updatedAt = now;
    }

    /**
     * The next attempt is due (WAITING), or the queued message seems lost (PENDING): a message
     * with the new {@code key} goes on the queue, and the old key no longer starts anything.
     * False in any other status.
     */
    public boolean requeue(String key, Instant now) {
        if (status != DeliveryStatus.WAITING && status != DeliveryStatus.PENDING) {
            return false;
        }
        status = DeliveryStatus.PENDING;
        attemptKey = Objects.requireNonNull(key);
        nextAttemptAt = now.plus(MESSAGE_LOST_AFTER);
        updatedAt = now;
        return true;
    }

    /** A dead delivery gets a new round of attempts (asked for by a person). False unless DEAD. */
    public boolean revive(String key, Instant now) {
        if (status != DeliveryStatus.DEAD) {
            return false;
        }
        status = DeliveryStatus.PENDING;
        attempts = 0;
        attemptKey = Objects.requireNonNull(key);
        nextAttemptAt = now.plus(MESSAGE_LOST_AFTER);
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

    public String webhookId() {
        return webhookId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String body() {
        return body;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String attemptKey() {
        return attemptKey;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Long durationMillis() {
        return durationMillis;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
