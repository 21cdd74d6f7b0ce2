package org.moim.chat.entity;

import java.time.Instant;
import java.util.List;

/**
 * A message as it is at one moment, detached from the persistence context: what events carry
 * and views are made of. {@code text} and {@code mentions} are empty for a deleted message.
 * {@code senderName}, when not null, is the name shown instead of the sender account's (an
 * incoming webhook's messages).
 */
public record MessageState(String id, String channelId, long sequence, String senderId, String text,
                           List<String> mentions, String parentId, Instant createdAt, Instant editedAt,
                           boolean deleted, long version, boolean senderBot, String senderName) {

    /** A message sent under its sender's own name. */
    public MessageState(String id, String channelId, long sequence, String senderId, String text, List<String> mentions,
                        String parentId, Instant createdAt, Instant editedAt, boolean deleted, long version, boolean senderBot) {
        this(id, channelId, sequence, senderId, text, mentions, parentId, createdAt, editedAt, deleted, version, senderBot, null);
    }

    /** A message a person sent. */
    public MessageState(String id, String channelId, long sequence, String senderId, String text, List<String> mentions,
                        String parentId, Instant createdAt, Instant editedAt, boolean deleted, long version) {
        this(id, channelId, sequence, senderId, text, mentions, parentId, createdAt, editedAt, deleted, version, false);
    }
}
