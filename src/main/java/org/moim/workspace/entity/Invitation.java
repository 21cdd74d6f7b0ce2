package org.moim.workspace.entity;

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
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation of an email address into a workspace with a role. It only ever leaves PENDING
 * once: accepted or declined by the invitee, or revoked by the workspace.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    private Workspace workspace;

    @Column(nullable = false, length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", nullable = false, length = 16)
    private MemberRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "invited_by", nullable = false, length = 36)
    private String invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    /** The address while pending, null once answered: the database keeps one pending invitation per address. */
    @Column(name = "pending_email", length = 254)
    private String pendingEmail;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(Workspace workspace, String email, MemberRole role, String invitedBy, Instant now) {
        if (role == MemberRole.OWNER) {
            throw new IllegalArgumentException("Nobody is invited as an owner");
        }
        this.id = UUID.randomUUID().toString();
        this.workspace = Objects.requireNonNull(workspace);
        this.email = Objects.requireNonNull(email);
        this.role = role;
        this.status = Status.PENDING;
        this.pendingEmail = this.email;
        this.invitedBy = Objects.requireNonNull(invitedBy);
        this.createdAt = now;
    }

    /** Moves a pending invitation to its outcome; false if it was no longer pending. */
    public boolean answer(Status outcome, Instant now) {
        if (status != Status.PENDING || outcome == Status.PENDING) {
            return false;
        }
        status = outcome;
        answeredAt = now;
        pendingEmail = null;
        return true;
    }

    public String id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String email() {
        return email;
    }

    public MemberRole role() {
        return role;
    }

    public Status status() {
        return status;
    }

    public String invitedBy() {
        return invitedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    /** Where an invitation stands. */
    public enum Status {
        PENDING, ACCEPTED, DECLINED, REVOKED
    }
}
