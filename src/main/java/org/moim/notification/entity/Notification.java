package org.moim.notification.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.moim.identity.entity.Account;

/**
 * One entry in one person's inbox. Only the recipient ever sees it; reading it is the only change
 * (and, for kinds that are mailed, when its mail was decided). The title is rendered in the
 * reader's language from {@code kind} and {@code params}; {@code title} keeps the English words
 * for rows written before parameters existed.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public static final int MAX_TITLE = 200;
    public static final int MAX_EXCERPT = 500;
    public static final int MAX_LINK = 500;
    public static final int MAX_PARAMS = 4000;

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

    /** The title's parameters as a JSON object of strings; null on rows written before them. */
    @Column(length = MAX_PARAMS)
    private String params;

    /** When its mail was sent or decided against; null while that is open (docs/notifications.md, Mail). */
    @Column(name = "mail_checked_at")
    private Instant mailCheckedAt;

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
        this.params = paramsJson(draft.params());
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

    /** The title in the reader's language and time zone; the live name of the actor when known. */
    public String title(Account.Language language, ZoneId zone, String actorName) {
        if (params == null) {
            return title;
        }
        Map<String, String> values = new LinkedHashMap<>(params());
        if (actorName != null) {
            values.put("actor", actorName);
        }
        String rendered = NotificationTitles.render(kind, values, language, zone);
        return rendered == null ? title : rendered;
    }

    /** The title's parameters; empty on rows written before them. */
    public Map<String, String> params() {
        if (params == null) {
            return Map.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(params))) {
            JsonObject object = reader.readObject();
            Map<String, String> values = new LinkedHashMap<>();
            object.forEach((name, value) -> {
                if (value instanceof JsonString text) {
                    values.put(name, text.getString());
                }
            });
            return values;
        }
    }

    /** Records that its mail was sent or decided against; it is never considered again. */
    public void mailChecked(Instant now) {
        if (mailCheckedAt == null) {
            mailCheckedAt = now;
        }
    }

    /** Parameters as JSON, each value cut to {@link NotificationDraft#MAX_PARAM}, in name order. */
    static String paramsJson(Map<String, String> params) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (value != null) {
                json.add(name, clip(value, NotificationDraft.MAX_PARAM));
            }
        });
        String text = json.build().toString();
        if (text.length() > MAX_PARAMS) {
            throw new IllegalArgumentException("notification parameters longer than " + MAX_PARAMS);
        }
        return text;
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

    public Instant mailCheckedAt() {
        return mailCheckedAt;
    }
}
