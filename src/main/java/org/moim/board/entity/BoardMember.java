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

/**
 * Someone added to a board by name. Workspace owners, managers and members see every board
 * anyway; for a GUEST of the workspace this list is the only way onto a board.
 */
@Entity
@Table(name = "board_member")
public class BoardMember {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id", nullable = false, updatable = false)
    private Board board;

    @Column(name = "account_id", nullable = false, length = 36, updatable = false)
    private String accountId;

    @Column(name = "added_by", nullable = false, length = 36, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected BoardMember() {
    }

    public BoardMember(Board board, String accountId, String addedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.board = Objects.requireNonNull(board);
        this.accountId = Objects.requireNonNull(accountId);
        this.addedBy = Objects.requireNonNull(addedBy);
        this.addedAt = now;
    }

    public String id() {
        return id;
    }

    public Board board() {
        return board;
    }

    public String accountId() {
        return accountId;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
