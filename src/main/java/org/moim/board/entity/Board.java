package org.moim.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A kanban board of a workspace. The workspace is referenced by id (another feature's
 * aggregate); deleting the workspace row deletes the board with everything on it (foreign keys).
 * Every change to the board's order (lists, cards) is made under a lock on this row.
 */
@Entity
@Table(name = "board")
public class Board {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36, updatable = false)
    private String workspaceId;

    @Column(nullable = false, length = 400)
    private String name;

    @Lob
    @Column(nullable = false)
    private String description;

    /** {@code #rrggbb}, or null for the default. */
    @Column(length = 7)
    private String colour;

    @Column(name = "start_date")
    private LocalDate startDate;

    private LocalDate deadline;

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

    /** One more for every change on the board (written by ActivityLog with an UPDATE, never through this field). */
    @Column(nullable = false, insertable = false, updatable = false)
    private long revision;

    protected Board() {
    }

    public Board(String workspaceId, String name, String description, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.name = Objects.requireNonNull(name);
        this.description = description == null ? "" : description;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String name, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.updatedAt = now;
    }

    public void describe(String description, Instant now) {
        this.description = Objects.requireNonNull(description);
        this.updatedAt = now;
    }

    /** A null colour is the default one. */
    public void paint(String colour, Instant now) {
        this.colour = colour;
        this.updatedAt = now;
    }

    /** Either date may be null; when both are set the deadline is not before the start. */
    public void schedule(LocalDate startDate, LocalDate deadline, Instant now) {
        if (startDate != null && deadline != null && deadline.isBefore(startDate)) {
            throw new IllegalArgumentException("deadline before start");
        }
        this.startDate = startDate;
        this.deadline = deadline;
        this.updatedAt = now;
    }

    public void archive(boolean archived, Instant now) {
        this.archived = archived;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String colour() {
        return colour;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public boolean archived() {
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

    /** The board's revision as read (see ActivityLog): live viewers compare it with the revisions of board-changed frames. */
    public long revision() {
        return revision;
    }
}
