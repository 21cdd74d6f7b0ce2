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

/** One refresh token of a session, known only by its SHA-256 hash, usable once. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private LoginSession session;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, LoginSession session, Instant now) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.session = Objects.requireNonNull(session);
        this.issuedAt = now;
    }

    /** Marks the token spent; false if it had been spent before (a replay). */
    public boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public LoginSession session() {
        return session;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
