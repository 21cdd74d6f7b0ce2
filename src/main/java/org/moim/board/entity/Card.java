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

/**
 * A card in a list of a board: title, Markdown description (stored as written; clients render it
 * safely), optional start and due instants, and its place in the list ({@link SortKey}).
 *
 * <p>Other features read cards with JPQL on these fields: {@code title}, {@code board}
 * ({@code board.workspaceId}, {@code board.archived}), {@code list}, {@code startAt},
 * {@code dueAt}, {@code archived}.
 */
@Entity
@Table(name = "card")
public class Card implements Ordered {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id", nullable = false, updatable = false)
    private Board board;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "list_id", nullable = false)
    private BoardList list;

    @Column(nullable = false, length = 1000)
    private String title;

    @Lob
    @Column(nullable = false)
    private String description;

    @Column(name = "sort_key", nullable = false, length = 255)
    private String sortKey;

    @Column(name = "start_at")
    private Instant startAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_by", nullable = false, length = 36, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Card() {
    }

    public Card(BoardList list, String title, String description, String sortKey, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.list = Objects.requireNonNull(list);
        this.board = list.board();
        this.title = Objects.requireNonNull(title);
        this.description = description == null ? "" : description;
        this.sortKey = SortKey.check(sortKey);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void retitle(String title, Instant now) {
        this.title = Objects.requireNonNull(title);
        this.updatedAt = now;
    }

    public void describe(String description, Instant now) {
        this.description = Objects.requireNonNull(description);
        this.updatedAt = now;
    }

    /** Either may be null; when both are set, due is not before start. */
    public void schedule(Instant startAt, Instant dueAt, Instant now) {
        if (startAt != null && dueAt != null && dueAt.isBefore(startAt)) {
            throw new IllegalArgumentException("due before start");
        }
        this.startAt = startAt;
        this.dueAt = dueAt;
        this.updatedAt = now;
    }

    public void archive(boolean archived, Instant now) {
        this.archived = archived;
        this.updatedAt = now;
    }

    /** Into {@code list} (of the same board) at {@code sortKey}, computed under the board lock. */
    public void moveTo(BoardList list, String sortKey, Instant now) {
        if (!list.board().id().equals(board.id())) {
            throw new IllegalArgumentException("a card stays on its board");
        }
        this.list = list;
        this.sortKey = SortKey.check(sortKey);
        this.updatedAt = now;
    }

    /** Rebalancing: a new key that keeps the order (temporary keys included, see SortKey). */
    public void rekey(String sortKey) {
        this.sortKey = Objects.requireNonNull(sortKey);
    }

    /** Something hanging off the card changed (assignees, labels): a new version for If-Match. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public Board board() {
        return board;
    }

    public BoardList list() {
        return list;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String sortKey() {
        return sortKey;
    }

    public Instant startAt() {
        return startAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public boolean archived() {
        return archived;
    }

    public boolean isArchived() {
        return archived;
    }

    public String createdBy() {
        return createdBy;
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
