package org.moim.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A long-lived API credential of one account (a person's own, or a bot's that a workspace admin
 * made): its scopes, an expiry, when it was last used. Only the SHA-256 of its secret is kept.
 * Revoked or expired, it never works again.
 */
@Entity
@Table(name = "personal_access_token")
public class PersonalAccessToken {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 8)
    private String hint;

    /** Space-separated scope names, as in the {@code scope} claim. */
    @Column(nullable = false, length = 200)
    private String scopes;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected PersonalAccessToken() {
    }

    public PersonalAccessToken(Account account, String name, String tokenHash, String hint, String scopes, String createdBy,
                               Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.account = Objects.requireNonNull(account);
        this.name = Objects.requireNonNull(name);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.hint = Objects.requireNonNull(hint);
        this.scopes = Objects.requireNonNull(scopes);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Idempotent: revoking a revoked token keeps its first revocation time. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public String id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String name() {
        return name;
    }

    public String hint() {
        return hint;
    }

    public String scopes() {
        return scopes;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
