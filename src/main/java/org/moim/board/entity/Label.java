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

/** A named colour of a board that cards can carry. */
@Entity
@Table(name = "label")
public class Label {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id", nullable = false, updatable = false)
    private Board board;

    @Column(nullable = false, length = 200)
    private String name;

    /** {@code #rrggbb}. */
    @Column(nullable = false, length = 7)
    private String colour;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Label() {
    }

    public Label(Board board, String name, String colour, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.board = Objects.requireNonNull(board);
        this.name = Objects.requireNonNull(name);
        this.colour = Objects.requireNonNull(colour);
        this.createdAt = now;
    }

    public void change(String name, String colour) {
        this.name = Objects.requireNonNull(name);
        this.colour = Objects.requireNonNull(colour);
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

    public String colour() {
        return colour;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
