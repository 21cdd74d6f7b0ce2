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
import java.util.UUID;

/** An account's identity at an OpenID provider: the provider's subject, which never changes, not its email, which may. */
@Entity
@Table(name = "oidc_identity")
public class OidcIdentity {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 255)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String subject;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OidcIdentity() {
    }

    public OidcIdentity(String issuer, String subject, Account account, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.issuer = Objects.requireNonNull(issuer);
        this.subject = Objects.requireNonNull(subject);
        this.account = Objects.requireNonNull(account);
        this.createdAt = now;
    }

    public Account account() {
        return account;
    }
}
