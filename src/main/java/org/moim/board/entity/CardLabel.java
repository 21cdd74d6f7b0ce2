package org.moim.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** A label on a card (both of the same board). */
@Entity
@Table(name = "card_label")
public class CardLabel {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "card_id", nullable = false, updatable = false)
    private Card card;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "label_id", nullable = false, updatable = false)
    private Label label;

    @Column(name = "board_id", nullable = false, length = 36, updatable = false)
    private String boardId;

    protected CardLabel() {
    }

    public CardLabel(Card card, Label label) {
        if (!card.board().id().equals(label.board().id())) {
            throw new IllegalArgumentException("label of another board");
        }
        this.id = UUID.randomUUID().toString();
        this.card = Objects.requireNonNull(card);
        this.label = Objects.requireNonNull(label);
        this.boardId = card.board().id();
    }

    public Card card() {
        return card;
    }

    public Label label() {
        return label;
    }
}
