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
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A link anyone signed in can redeem to join a workspace with a role, until it expires, is
 * revoked or has been used {@code maxUses} times. Uses are counted by a conditional UPDATE
 * (see {@code control.InviteLinks}), not through this object, hence no {@code @Version}.
 */
@Entity
@Table(name = "invite_link")
public class InviteLink {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    private Workspace workspace;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", nullable = false, length = 16)
    private MemberRole role;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "max_uses")
    private Integer maxUses;

    @Column(nullable = false)
    private int uses;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected InviteLink() {
    }

    public InviteLink(Workspace workspace, MemberRole role, Instant expiresAt, Integer maxUses, String createdBy, Instant now) {
        if (role == MemberRole.OWNER) {
            throw new IllegalArgumentException("Invite links never make owners");
        }
        this.id = UUID.randomUUID().toString();
        this.workspace = Objects.requireNonNull(workspace);
        this.role = role;
        // Whole seconds: the token carries the expiry as epoch seconds.
        this.expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
        this.maxUses = maxUses;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    public MemberRole role() {
        return role;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Integer maxUses() {
        return maxUses;
    }

    public int uses() {
        return uses;
    }

    /** The account that made the link. */
    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
