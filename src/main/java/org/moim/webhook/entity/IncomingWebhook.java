package org.moim.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A channel's incoming webhook: whoever knows its secret URL posts into the channel as the hook's
 * bot account ({@code accountId}). Only the secret's SHA-256 is kept.
 */
@Entity
@Table(name = "incoming_webhook")
public class IncomingWebhook {

    /** The longest name (shown as the sender of its messages). */
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36, updatable = false)
    private String workspaceId;

    @Column(name = "channel_id", nullable = false, length = 36, updatable = false)
    private String channelId;

    @Column(name = "account_id", nullable = false, length = 36, updatable = false)
    private String accountId;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(nullable = false, length = 8)
    private String hint;

    @Column(name = "created_by", nullable = false, length = 36, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected IncomingWebhook() {
    }

    public IncomingWebhook(String workspaceId, String channelId, String accountId, String name, String secretHash, String hint,
                           String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.channelId = Objects.requireNonNull(channelId);
        this.accountId = Objects.requireNonNull(accountId);
        this.name = Objects.requireNonNull(name);
        this.secretHash = Objects.requireNonNull(secretHash);
        this.hint = Objects.requireNonNull(hint);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
    }

    /** A new secret replaces the old one, which stops working at once. */
    public void replaceSecret(String secretHash, String hint) {
        this.secretHash = Objects.requireNonNull(secretHash);
        this.hint = Objects.requireNonNull(hint);
    }

    public void used(Instant now) {
        this.lastUsedAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String channelId() {
        return channelId;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String hint() {
        return hint;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
