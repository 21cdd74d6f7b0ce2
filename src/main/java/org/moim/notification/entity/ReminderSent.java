package org.moim.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A reminder that went out: one per subject ({@code card}, {@code event}) and moment (its due
 * instant, its start). Its key ({@code type:id:epoch-microseconds}) makes a second reminder for
 * the same moment impossible, whichever node tries; a new due date or start is a new moment and
 * reminds again.
 */
@Entity
@Table(name = "reminder_sent")
public class ReminderSent {

    @Id
    @Column(name = "reminder_key", length = 120)
    private String key;

    @Column(name = "subject_type", nullable = false, length = 16)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 36)
    private String subjectId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected ReminderSent() {
    }

    public ReminderSent(String subjectType, String subjectId, Instant dueAt, Instant now) {
        this.subjectType = Objects.requireNonNull(subjectType);
        this.subjectId = Objects.requireNonNull(subjectId);
        this.dueAt = Objects.requireNonNull(dueAt);
        this.key = keyOf(subjectType, subjectId, dueAt);
        this.sentAt = now;
    }

    public String key() {
        return key;
    }

    /** The key of the reminder of this subject for this moment. */
    public static String keyOf(String subjectType, String subjectId, Instant dueAt) {
        return subjectType + ":" + subjectId + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, dueAt);
    }
}
