package org.moim.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One line of a card's checklist, in {@code sortOrder}. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "card_id", nullable = false, updatable = false)
    private Card card;

    @Column(name = "board_id", nullable = false, length = 36, updatable = false)
    private String boardId;

    @Column(nullable = false, length = 2000)
    private String content;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ChecklistItem() {
    }

    public ChecklistItem(Card card, String content, int sortOrder, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.card = Objects.requireNonNull(card);
        this.boardId = card.board().id();
        this.content = Objects.requireNonNull(content);
        this.sortOrder = sortOrder;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rewrite(String content, Instant now) {
        this.content = Objects.requireNonNull(content);
        this.updatedAt = now;
    }

    public void check(boolean done, Instant now) {
        this.done = done;
        this.updatedAt = now;
    }

    public void reorder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String id() {
        return id;
    }

    public Card card() {
        return card;
    }

    public String content() {
        return content;
    }

    public boolean done() {
        return done;
    }

    public int sortOrder() {
        return sortOrder;
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
