package org.moim.calendar.entity;

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
import org.moim.identity.entity.Account;

/**
 * A person's iCalendar feed: the SHA-256 hash (hex) of the secret token in its URL. One per
 * account; rotating replaces the hash, so the old URL stops working at once.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, unique = true)
    private Account account;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(Account account, String tokenHash, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.account = Objects.requireNonNull(account);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = now;
    }

    public void rotate(String tokenHash, Instant now) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = now;
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
}
