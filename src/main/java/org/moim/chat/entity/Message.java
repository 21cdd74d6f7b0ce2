package org.moim.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a channel, number {@code seq} in it. Deleting keeps a tombstone (no text, no
 * mentions) so the numbering stays without gaps and a client resuming after it learns that it
 * is gone. Only the sender edits; {@code version} orders edits.
 */
@Entity
@Table(name = "chat_message")
public class Message {

    /** The longest text: 16 KiB of UTF-8. */
    public static final int MAX_TEXT_BYTES = 16 * 1024;
    /** The most people one message mentions. */
    public static final int MAX_MENTIONS = 50;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "channel_id", nullable = false, length = 36, updatable = false)
    private String channelId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "sender_id", nullable = false, length = 36, updatable = false)
    private String senderId;

    @Column(name = "parent_id", length = 36, updatable = false)
    private String parentId;

    @Lob
    @Column(name = "body")
    private String text;

    /** Mentioned account ids, comma-separated (read with the message, never queried by). */
    @Column(length = 2000)
    private String mentions;

    @Column(name = "client_key", length = 64, updatable = false)
    private String clientKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Sent by a workspace's bot: the badge history shows. */
    @Column(name = "sender_bot", nullable = false)
    private boolean senderBot;

    /** The name shown for the sender instead of their account's (an incoming webhook's messages), or null. */
    @Column(name = "sender_name", length = 100, updatable = false)
    private String senderName;

    /**
     * 1 from the start, as the insert writes it: the state told of a new message (its live
     * {@code message} frame) is taken before the flush and must match what REST reads later.
     */
    @Version
    private long version = 1;

    protected Message() {
    }

    public Message(String channelId, long seq, String senderId, String text, List<String> mentions, String parentId,
                   String clientKey, Instant now) {
        this(channelId, seq, senderId, false, text, mentions, parentId, clientKey, now);
    }

    public Message(String channelId, long seq, String senderId, boolean senderBot, String text, List<String> mentions,
                   String parentId, String clientKey, Instant now) {
        this(channelId, seq, senderId, senderBot, null, text, mentions, parentId, clientKey, now);
    }

    public Message(String channelId, long seq, String senderId, boolean senderBot, String senderName, String text,
                   List<String> mentions, String parentId, String clientKey, Instant now) {
        this.senderBot = senderBot;
        this.senderName = senderName;
        this.id = UUID.randomUUID().toString();
        this.channelId = Objects.requireNonNull(channelId);
        this.seq = seq;
        this.senderId = Objects.requireNonNull(senderId);
        this.text = Objects.requireNonNull(text);
        this.mentions = join(mentions);
        this.parentId = parentId;
        this.clientKey = clientKey;
        this.createdAt = now;
    }

    /** Whether the text fits: not blank, at most {@link #MAX_TEXT_BYTES} bytes of UTF-8. */
    public static boolean fits(String text) {
        return text != null && !text.isBlank() && text.getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT_BYTES;
    }

    public void edit(String text, List<String> mentions, Instant now) {
        if (isDeleted()) {
            throw new IllegalStateException("A deleted message is not edited");
        }
        this.text = Objects.requireNonNull(text);
        this.mentions = join(mentions);
        this.editedAt = now;
    }

    /** Idempotent: deleting a deleted message changes nothing. */
    public boolean delete(Instant now) {
        if (isDeleted()) {
            return false;
        }
        this.text = null;
        this.mentions = null;
        this.deletedAt = now;
        return true;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public MessageState state() {
        return new MessageState(id, channelId, seq, senderId, text, mentionIds(), parentId, createdAt, editedAt,
                isDeleted(), version, senderBot, senderName);
    }

    public List<String> mentionIds() {
        return mentions == null || mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split(","));
    }

    private static String join(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : String.join(",", ids);
    }

    public String id() {
        return id;
    }

    public String channelId() {
        return channelId;
    }

    public long seq() {
        return seq;
    }

    public String senderId() {
        return senderId;
    }

    public String parentId() {
        return parentId;
    }

    /** The sender's idempotency key, if the send had one. */
    public String clientKey() {
        return clientKey;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
