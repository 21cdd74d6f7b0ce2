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

/** A column of a board. Its place among the board's lists is its {@link SortKey}. */
@Entity
@Table(name = "board_list")
public class BoardList implements Ordered {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id", nullable = false, updatable = false)
    private Board board;

    @Column(nullable = false, length = 400)
    private String name;

    @Column(name = "sort_key", nullable = false, length = 255)
    private String sortKey;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected BoardList() {
    }

    public BoardList(Board board, String name, String sortKey, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.board = Objects.requireNonNull(board);
        this.name = Objects.requireNonNull(name);
        this.sortKey = SortKey.check(sortKey);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String name, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.updatedAt = now;
    }

    public void archive(boolean archived, Instant now) {
        this.archived = archived;
        this.updatedAt = now;
    }

    /** A new place among the board's lists (computed under the board lock). */
    public void moveTo(String sortKey, Instant now) {
        this.sortKey = SortKey.check(sortKey);
        this.updatedAt = now;
    }

    /** Rebalancing: a new key that keeps the order (temporary keys included, see SortKey). */
    public void rekey(String sortKey) {
        this.sortKey = Objects.requireNonNull(sortKey);
    }

    public String id() {
        return id;
    }

    public Board board() {
        return board;
    }

    public String name() {
        return name;
    }

    public String sortKey() {
        return sortKey;
    }

    public boolean archived() {
        return archived;
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
