package org.moim.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A link mailed to an account's owner that works once, until {@link #expiresAt}: an address
 * verification ({@link EmailVerification}) or a password reset ({@link PasswordReset}). Its secret
 * is minted when the mail goes out ({@link #issue}) and only the secret's hash is kept; minting
 * again (a retried mail) replaces it. Each kind is a table with these columns
 * ({@code identity.control.SingleUseLinks} mints, checks and spends them).
 */
@MappedSuperclass
public abstract class SingleUseLink {

    /** Why a link may not be used; each kind of link names its own problem for each. */
    public enum Refusal {
        /** Shaped like the start of a link: the end was lost (a wrapped line, a partial copy). */
        INCOMPLETE,
        /** Not a link Moim sent (unknown, forged, or replaced by a newer mail's). */
        INVALID,
        /** Used already, or spent when another link of the account was used. */
        USED,
        EXPIRED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

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

    protected SingleUseLink() {
    }

    protected SingleUseLink(String accountId, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.accountId = Objects.requireNonNull(accountId);
        this.createdAt = Objects.requireNonNull(now);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Whether a link may still be sent or followed. */
    public boolean open(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Keeps the hash of a freshly minted secret; one minted before (an earlier attempt's mail) stops working. */
    public void issue(String tokenHash) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
    }

    /** Whether {@code tokenHash} is the hash of this link's secret, compared in constant time. */
    public boolean matches(String tokenHash) {
        return this.tokenHash != null && MessageDigest.isEqual(
                this.tokenHash.getBytes(StandardCharsets.US_ASCII), tokenHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Why a link with this secret hash may not be used at {@code now}; empty when it may. */
    public Optional<Refusal> refusal(String tokenHash, Instant now) {
        if (!matches(tokenHash)) {
            return Optional.of(Refusal.INVALID);
        }
        if (usedAt != null) {
            return Optional.of(Refusal.USED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(Refusal.EXPIRED);
        }
        return Optional.empty();
    }

    /** Spends the link (once; using it again changes nothing). */
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

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
