package org.moim.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A provider event that was handled, once: {@code (provider, event_id)} is unique, so a replayed
 * or duplicated delivery finds it and changes nothing.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    /** What handling the event did. */
    public enum Outcome {
        /** It moved a payment (and what follows from that). */
        APPLIED,
        /** Valid, but nothing to do: an event we do not use, or one the payment is already past. */
        IGNORED,
        /** Refused for good: the amount or currency did not match what was ordered. */
        REJECTED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 16)
    private String provider;

    @Column(name = "event_id", nullable = false, length = 255)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(name = "payment_id", length = 36)
    private String paymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(length = 500)
    private String detail;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected WebhookEvent() {
    }

    public WebhookEvent(String provider, String eventId, String eventType, String paymentId, Outcome outcome, String detail,
                        Instant now) {
        this.id = UUID.randomUUID().toString();
        this.provider = provider;
        this.eventId = eventId;
        this.eventType = eventType.length() > 64 ? eventType.substring(0, 64) : eventType;
        this.paymentId = paymentId;
        this.outcome = outcome;
        this.detail = Payment.oneLine(detail);
        this.receivedAt = now;
    }

    public String eventId() {
        return eventId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String paymentId() {
        return paymentId;
    }
}
