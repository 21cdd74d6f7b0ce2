package org.moim.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account mail the instance did not send because mail is off ({@code moim.mail.enabled=false}),
 * kept for the administrators' outbox page: recipient, subject, the plain-text part with its links.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 998)
    private String subject;

    @Lob
    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String body, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = Objects.requireNonNull(subject);
        this.body = Objects.requireNonNull(body);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
