package org.moim.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a workspace's billing audit trail: who (null: the provider or the renewal job) did
 * what, to which payment. Never changed, never deleted (it outlives a purged workspace).
 */
@Entity
@Table(name = "billing_event")
public class BillingEvent {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Column(nullable = false, length = 48)
    private String kind;

    @Column(name = "actor_id", length = 36)
    private String actorId;

    @Column(name = "payment_id", length = 36)
    private String paymentId;

    @Column(length = 1000)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BillingEvent() {
    }

    public BillingEvent(String workspaceId, String kind, String actorId, String paymentId, String detail, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = workspaceId;
        this.kind = kind;
        this.actorId = actorId;
        this.paymentId = paymentId;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String kind() {
        return kind;
    }

    public String actorId() {
        return actorId;
    }

    public String paymentId() {
        return paymentId;
    }

    public String detail() {
        return detail;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
