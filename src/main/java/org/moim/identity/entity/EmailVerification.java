package org.moim.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One link proving that an account's owner reads mail at {@link #email}: the account's own address
 * (at sign-up) or a new one it asked to move to. Its secret is minted when the mail goes out
 * ({@link #issue}); only the secret's hash is kept. Used once, or never after {@code expiresAt}.
 */
@Entity
@Table(name = "email_verification")
public class EmailVerification {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    private long version;

    protected EmailVerification() {
    }

    public EmailVerification(String accountId, String email, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.accountId = Objects.requireNonNull(accountId);
        this.email = Objects.requireNonNull(email);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Whether a link may still be sent or followed. */
    public boolean open(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Keeps the hash of a freshly minted secret; one minted before (an earlier attempt's mail) stops working. */
    public void issue(String tokenHash) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
    }

    public boolean matches(String tokenHash) {
        return this.tokenHash != null && MessageDigest.isEqual(
                this.tokenHash.getBytes(StandardCharsets.US_ASCII), tokenHash.getBytes(StandardCharsets.US_ASCII));
    }

    public void use(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
