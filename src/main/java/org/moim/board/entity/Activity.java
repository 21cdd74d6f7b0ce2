package org.moim.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a board's activity log: who did what, when, with details as a JSON object (ids
 * and the values that changed). Written in the same transaction as the change; never changed.
 */
@Entity
@Table(name = "board_activity")
public class Activity {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "board_id", nullable = false, length = 36, updatable = false)
    private String boardId;

    @Column(name = "actor_id", nullable = false, length = 36, updatable = false)
    private String actorId;

    /** What happened, e.g. {@code card.moved}; the kinds are listed in {@code docs/boards.md}. */
    @Column(nullable = false, length = 64, updatable = false)
    private String kind;

    @Column(name = "card_id", length = 36, updatable = false)
    private String cardId;

    @Lob
    @Column(nullable = false, updatable = false)
    private String details;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Activity() {
    }

    public Activity(String boardId, String actorId, String kind, String cardId, String details, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.boardId = Objects.requireNonNull(boardId);
        this.actorId = Objects.requireNonNull(actorId);
        this.kind = Objects.requireNonNull(kind);
        this.cardId = cardId;
        this.details = Objects.requireNonNull(details);
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String boardId() {
        return boardId;
    }

    public String actorId() {
        return actorId;
    }

    public String kind() {
        return kind;
    }

    public String cardId() {
        return cardId;
    }

    public String details() {
        return details;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
