package org.moim.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A completed provider sign-in waiting for the browser to collect its tokens: a one-time,
 * short-lived code known by its SHA-256, so tokens never travel in a URL.
 */
@Entity
@Table(name = "oidc_handoff")
public class OidcHandoff {

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected OidcHandoff() {
    }

    public OidcHandoff(String codeHash, Account account, Instant now, Instant expiresAt) {
        this.codeHash = Objects.requireNonNull(codeHash);
        this.account = Objects.requireNonNull(account);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }

    public Account account() {
        return account;
    }
}
