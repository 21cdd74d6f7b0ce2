package org.moim.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A comment on a card, in Markdown; only its author edits it. */
@Entity
@Table(name = "card_comment")
public class Comment {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "card_id", nullable = false, updatable = false)
    private Card card;

    @Column(name = "board_id", nullable = false, length = 36, updatable = false)
    private String boardId;

    @Column(name = "author_id", nullable = false, length = 36, updatable = false)
    private String authorId;

    @Lob
    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Version
    private long version;

    protected Comment() {
    }

    public Comment(Card card, String authorId, String body, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.card = Objects.requireNonNull(card);
        this.boardId = card.board().id();
        this.authorId = Objects.requireNonNull(authorId);
        this.body = Objects.requireNonNull(body);
        this.createdAt = now;
    }

    public void edit(String body, Instant now) {
        this.body = Objects.requireNonNull(body);
        this.editedAt = now;
    }

    public String id() {
        return id;
    }

    public Card card() {
        return card;
    }

    public String authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public long version() {
        return version;
    }
}
