package org.moim.board.entity;

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

/** Someone who may read the board, assigned to a card. The board id is kept for board-wide reads. */
@Entity
@Table(name = "card_assignee")
public class CardAssignee {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "card_id", nullable = false, updatable = false)
    private Card card;

    @Column(name = "board_id", nullable = false, length = 36, updatable = false)
    private String boardId;

    @Column(name = "account_id", nullable = false, length = 36, updatable = false)
    private String accountId;

    @Column(name = "assigned_by", nullable = false, length = 36, updatable = false)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    protected CardAssignee() {
    }

    public CardAssignee(Card card, String accountId, String assignedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.card = Objects.requireNonNull(card);
        this.boardId = card.board().id();
        this.accountId = Objects.requireNonNull(accountId);
        this.assignedBy = Objects.requireNonNull(assignedBy);
        this.assignedAt = now;
    }

    public String id() {
        return id;
    }

    public Card card() {
        return card;
    }

    public String accountId() {
        return accountId;
    }

    public Instant assignedAt() {
        return assignedAt;
    }
}
