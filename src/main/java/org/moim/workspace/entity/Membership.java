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
import org.moim.identity.entity.Account;

/** An account's place in a workspace, with its role. One per account and workspace. */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    private Workspace workspace;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", nullable = false, length = 16)
    private MemberRole role;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Version
    private long version;

    protected Membership() {
    }

    public Membership(Workspace workspace, Account account, MemberRole role, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspace = Objects.requireNonNull(workspace);
        this.account = Objects.requireNonNull(account);
        this.role = Objects.requireNonNull(role);
        this.joinedAt = now;
    }

    public void changeRole(MemberRole role) {
        this.role = Objects.requireNonNull(role);
    }

    public String id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Account account() {
        return account;
    }

    public MemberRole role() {
        return role;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
