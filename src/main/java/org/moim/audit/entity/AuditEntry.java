package org.moim.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One security event. Never changed once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    public static final int MAX_DETAIL = 500;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AuditAction action;

    @Column(name = "actor_id", length = 36)
    private String actorId;

    @Column(name = "actor_email", length = 254)
    private String actorEmail;

    @Column(name = "subject_id", length = 36)
    private String subjectId;

    @Column(length = 64)
    private String address;

    @Column(length = MAX_DETAIL)
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, AuditAction action, String actorId, String actorEmail, String subjectId,
                      String address, String detail) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.action = Objects.requireNonNull(action);
        this.actorId = actorId;
        this.actorEmail = cut(actorEmail, 254);
        this.subjectId = subjectId;
        this.address = cut(address, 64);
        this.detail = cut(detail, MAX_DETAIL);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public String id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditAction action() {
        return action;
    }

    public String actorId() {
        return actorId;
    }

    public String actorEmail() {
        return actorEmail;
    }

    public String subjectId() {
        return subjectId;
    }

    public String address() {
        return address;
    }

    public String detail() {
        return detail;
    }
}
