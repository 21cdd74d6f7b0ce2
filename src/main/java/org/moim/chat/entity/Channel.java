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
 * set of members and workspace ({@code memberKey}); a BOARD channel is one per board; a WORKSPACE
 * channel has a name unique in its workspace ({@link ChannelName#key()}), is public or private,
 * and may be archived (read-only). The workspace's general channel has the workspace's id.
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

    @Column(length = 80)
    private String name;

    @Column(name = "name_key", length = 160)
    private String nameKey;

    @Column(length = 250)
    private String topic;

    @Column(length = 1000)
    private String description;

    @Column(name = "private_channel", nullable = false, updatable = false)
    private boolean privateChannel;

    @Column(name = "archived_at")
    private Instant archivedAt;

    /**
     * The settings' version (name, topic, description, archived), for If-Match: one up with every
     * change of them. Not JPA's {@code @Version}: posting a message moves {@code lastSeq} on this
     * row, which must not count (and the settings are changed under the row lock, see
     * {@code WorkspaceChannels}).
     */
    @Column(name = "settings_version", nullable = false)
    private long settingsVersion;

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

    /** A named channel of the workspace, public or private (that never changes). */
    public static Channel named(String workspaceId, ChannelName name, boolean privateChannel, String createdBy, Instant now) {
        Channel channel = new Channel(workspaceId, ChannelKind.WORKSPACE, null, null, createdBy, now);
        channel.name = name.value();
        channel.nameKey = name.key();
        channel.privateChannel = privateChannel;
        return channel;
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

    /** WORKSPACE channels: the name as compared for uniqueness (case and width folded), the channel browser's order. */
    public String nameKey() {
        return nameKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The workspace's general channel: every owner, manager and member reads it, nobody leaves it. */
    public boolean isGeneral() {
        return kind == ChannelKind.WORKSPACE && id.equals(workspaceId);
    }

    public boolean isPrivate() {
        return privateChannel;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    public String description() {
        return description;
    }

    public long settingsVersion() {
        return settingsVersion;
    }

    public void rename(ChannelName newName) {
        requireNamed();
        if (!newName.value().equals(name) || !newName.key().equals(nameKey)) {
            this.name = newName.value();
            this.nameKey = newName.key();
            settingsVersion++;
        }
    }

    /** Topic and description; blank clears them. */
    public void describe(String newTopic, String newDescription) {
        requireNamed();
        String topicNow = newTopic == null || newTopic.isBlank() ? null : newTopic.strip();
        String descriptionNow = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        if (!Objects.equals(topicNow, topic) || !Objects.equals(descriptionNow, description)) {
            this.topic = topicNow;
            this.description = descriptionNow;
            settingsVersion++;
        }
    }

    public void archive(Instant now) {
        requireNamed();
        if (isGeneral()) {
            throw new IllegalStateException("The general channel is never archived");
        }
        if (archivedAt == null) {
            archivedAt = now;
            settingsVersion++;
        }
    }

    public void unarchive() {
        if (archivedAt != null) {
            archivedAt = null;
            settingsVersion++;
        }
    }

    private void requireNamed() {
        if (kind != ChannelKind.WORKSPACE) {
            throw new IllegalStateException("Only workspace channels have a name");
        }
    }
}
