package org.moim.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A workspace's subscription: where to POST which events, in which format, signed with which secret. */
@Entity
@Table(name = "webhook")
public class Webhook {

    public static final int MAX_URL = 2000;
    public static final int MAX_DESCRIPTION = 200;
    /** Subscribes to every event type. */
    public static final String ALL_EVENTS = "*";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Column(nullable = false, length = MAX_URL)
    private String url;

    /** Comma-separated event types, or {@code *}. */
    @Column(nullable = false, length = 1000)
    private String events;

    @Enumerated(EnumType.STRING)
    @Column(name = "payload_format", nullable = false, length = 16)
    private WebhookFormat format;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Webhook() {
    }

    public Webhook(String workspaceId, String url, Set<String> events, WebhookFormat format, String secret, String description,
                   String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.url = Objects.requireNonNull(url);
        this.events = join(events);
        this.format = Objects.requireNonNull(format);
        this.secret = Objects.requireNonNull(secret);
        this.description = description;
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean wants(String eventType) {
        Set<String> wanted = events();
        return wanted.contains(ALL_EVENTS) || wanted.contains(eventType);
    }

    public void changeUrl(String url, Instant now) {
        this.url = Objects.requireNonNull(url);
        this.updatedAt = now;
    }

    public void changeEvents(Set<String> events, Instant now) {
        this.events = join(events);
        this.updatedAt = now;
    }

    public void changeFormat(WebhookFormat format, Instant now) {
        this.format = Objects.requireNonNull(format);
        this.updatedAt = now;
    }

    public void changeDescription(String description, Instant now) {
        this.description = description;
        this.updatedAt = now;
    }

    public void activate(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    public void replaceSecret(String secret, Instant now) {
        this.secret = Objects.requireNonNull(secret);
        this.updatedAt = now;
    }

    private static String join(Set<String> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one event type");
        }
        return String.join(",", events);
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String url() {
        return url;
    }

    /** The subscribed event types in the order given, or just {@code *}. */
    public Set<String> events() {
        return new LinkedHashSet<>(Arrays.asList(events.split(",")));
    }

    public WebhookFormat format() {
        return format;
    }

    public String secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    public boolean active() {
        return active;
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
