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
 * One sign-in on one device: the family of refresh tokens that descend from a login. Its id is
 * the {@code sid} claim of every access token it issued, so revoking it ends them all.
 */
@Entity
@Table(name = "auth_session")
public class LoginSession {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 32)
    private String revokedReason;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    @Column(name = "ip_address", length = 64)
    private String ipAddress;

    @Version
    private long version;

    protected LoginSession() {
    }

    public LoginSession(Account account, String userAgent, String ipAddress, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.account = Objects.requireNonNull(account);
        this.userAgent = truncate(userAgent, 512);
        this.ipAddress = truncate(ipAddress, 64);
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
    }

    /**
     * Records that the device refreshed its tokens: the session now lasts until
     * {@code expiresAt} (each refresh slides it forward).
     */
    public void refreshed(Instant expiresAt, String userAgent, String ipAddress, Instant now) {
        this.expiresAt = expiresAt;
        this.lastUsedAt = now;
        if (userAgent != null) {
            this.userAgent = truncate(userAgent, 512);
        }
        if (ipAddress != null) {
            this.ipAddress = truncate(ipAddress, 64);
        }
    }

    /** Ends the session; the first reason given is kept. */
    public void revoke(RevokedReason reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason.name();
        }
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public String id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String userAgent() {
        return userAgent;
    }

    public String ipAddress() {
        return ipAddress;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Why a session ended before its time. */
    public enum RevokedReason {
        LOGOUT, REVOKED_BY_USER, PASSWORD_CHANGED, REFRESH_TOKEN_REUSE, DEACTIVATED
    }
}
