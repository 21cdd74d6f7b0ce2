package org.moim.bot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.moim.identity.entity.Account;

/** A workspace's bot: its account (name, tokens, messages) and what the workspace knows of it. */
@Entity
@Table(name = "bot")
public class Bot {

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", insertable = false, updatable = false)
    private Account account;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Column(length = 128)
    private String avatar;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Bot() {
    }

    public Bot(Account account, String workspaceId, String avatar, String createdBy, Instant now) {
        this.accountId = account.id();
        this.account = account;
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.avatar = avatar;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
    }

    public String id() {
        return accountId;
    }

    public Account account() {
        return account;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String avatar() {
        return avatar;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
