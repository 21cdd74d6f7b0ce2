package org.moim.command.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A workspace's slash command: the word people type after "/", what it does, where Moim POSTs it,
 * the secret that signs those POSTs, and the bot account its in-channel answers are posted as.
 */
@Entity
@Table(name = "chat_command")
public class Command {

    public static final int MAX_URL = 2000;
    public static final int MAX_WORD = 32;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_USAGE = 100;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    /** Without the slash, lower case. */
    @Column(nullable = false, length = MAX_WORD)
    private String word;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "usage_hint", length = MAX_USAGE)
    private String usage;

    @Column(nullable = false, length = MAX_URL)
    private String url;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(name = "poster_id", nullable = false, length = 36)
    private String posterId;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Command() {
    }

    public Command(String workspaceId, String word, String description, String usage, String url, String secret, String posterId,
                   String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.word = Objects.requireNonNull(word);
        this.description = description;
        this.usage = usage;
        this.url = Objects.requireNonNull(url);
        this.secret = Objects.requireNonNull(secret);
        this.posterId = Objects.requireNonNull(posterId);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String description, String usage, Instant now) {
        this.description = description;
        this.usage = usage;
        this.updatedAt = now;
    }

    public void changeUrl(String url, Instant now) {
        this.url = Objects.requireNonNull(url);
        this.updatedAt = now;
    }

    public void replaceSecret(String secret, Instant now) {
        this.secret = Objects.requireNonNull(secret);
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    public String usage() {
        return usage;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public String posterId() {
        return posterId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
