package org.moim.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One entry in one person's inbox. Only the recipient ever sees it; reading it is the only change. */
@Entity
@Table(name = "notification")
public class Notification {

    public static final int MAX_TITLE = 200;
    public static final int MAX_EXCERPT = 500;
    public static final int MAX_LINK = 500;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "recipient_id", nullable = false, length = 36)
    private String recipientId;

    @Column(name = "actor_id", length = 36)
    private String actorId;

    @Column(name = "workspace_id", length = 36)
    private String workspaceId;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "subject_type", length = 32)
    private String subjectType;

    @Column(name = "subject_id", length = 64)
    private String subjectId;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(length = MAX_EXCERPT)
    private String excerpt;

    @Column(length = MAX_LINK)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(NotificationDraft draft, String recipientId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.recipientId = Objects.requireNonNull(recipientId);
        this.actorId = draft.actorId();
        this.workspaceId = draft.workspaceId();
        this.kind = draft.kind();
        this.subjectType = draft.subjectType();
        this.subjectId = draft.subjectId();
        this.title = clip(draft.title(), MAX_TITLE);
        this.excerpt = clip(draft.excerpt(), MAX_EXCERPT);
        this.link = draft.link() == null || draft.link().length() > MAX_LINK ? null : draft.link();
        this.createdAt = now;
    }

    /** Marks it read; reading it again keeps the first time. */
    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    /** Cuts at a code point boundary, with an ellipsis, so a long comment never fails a notification. */
    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    public String id() {
        return id;
    }

    public String recipientId() {
        return recipientId;
    }

    public String actorId() {
        return actorId;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String kind() {
        return kind;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String title() {
        return title;
    }

    public String excerpt() {
        return excerpt;
    }

    public String link() {
        return link;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }
}
