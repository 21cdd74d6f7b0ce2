package org.moim.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A conversation. Its messages are numbered 1, 2, 3… without gaps: {@code lastSeq} is the
 * counter, advanced only by {@code Posting} under a lock on this row. A DIRECT channel is one per
 * set of members and workspace ({@code memberKey}); a BOARD channel is one per board.
 */
@Entity
@Table(name = "chat_channel")
public class Channel {

    /** The most people in a direct conversation, its creator included. */
    public static final int MAX_DIRECT_MEMBERS = 8;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36, updatable = false)
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ChannelKind kind;

    @Column(name = "board_id", length = 36, updatable = false)
    private String boardId;

    @Column(name = "member_key", length = 64, updatable = false)
    private String memberKey;

    /** Written by SQL under the row lock (see Posting); the entity only reads it. */
    @Column(name = "last_seq", nullable = false, updatable = false)
    private long lastSeq;

    @Column(name = "created_by", nullable = false, length = 36, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Channel() {
    }

    private Channel(String workspaceId, ChannelKind kind, String boardId, String memberKey, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.kind = kind;
        this.boardId = boardId;
        this.memberKey = memberKey;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
    }

    public static Channel direct(String workspaceId, Collection<String> memberIds, String createdBy, Instant now) {
        return new Channel(workspaceId, ChannelKind.DIRECT, null, memberKey(memberIds), createdBy, now);
    }

    public static Channel board(String workspaceId, String boardId, String createdBy, Instant now) {
        return new Channel(workspaceId, ChannelKind.BOARD, Objects.requireNonNull(boardId), null, createdBy, now);
    }

    /** The same for the same set of people in any order: SHA-256 of the sorted ids. */
    public static String memberKey(Collection<String> memberIds) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(",", new TreeSet<>(memberIds)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChannelRef ref() {
        return new ChannelRef(id, workspaceId, kind, boardId);
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public ChannelKind kind() {
        return kind;
    }

    public String boardId() {
        return boardId;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /**
     * The counter as {@code Posting} just wrote it with SQL, so that the next message of the same
     * transaction is numbered after it (the column itself is never written from the entity).
     */
    public void numberedUpTo(long seq) {
        if (seq < lastSeq) {
            throw new IllegalArgumentException("The message counter never goes back");
        }
        lastSeq = seq;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
