package org.moim.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One person's reaction (an emoji or a short code such as {@code :+1:}) to a message; once per emoji. */
@Entity
@Table(name = "chat_reaction")
@IdClass(Reaction.Key.class)
public class Reaction {

    /** The longest reaction, in code points. */
    public static final int MAX_EMOJI_LENGTH = 32;

    /** The primary key (message, account, emoji). */
    public static class Key implements Serializable {
        private String messageId;
        private String accountId;
        private String emoji;

        public Key() {
        }

        public Key(String messageId, String accountId, String emoji) {
            this.messageId = messageId;
            this.accountId = accountId;
            this.emoji = emoji;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(messageId, key.messageId)
                    && Objects.equals(accountId, key.accountId) && Objects.equals(emoji, key.emoji);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, accountId, emoji);
        }
    }

    @Id
    @Column(name = "message_id", length = 36)
    private String messageId;

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Id
    @Column(length = 64)
    private String emoji;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Reaction() {
    }

    public Reaction(String messageId, String accountId, String emoji, Instant now) {
        this.messageId = Objects.requireNonNull(messageId);
        this.accountId = Objects.requireNonNull(accountId);
        this.emoji = Objects.requireNonNull(emoji);
        this.createdAt = now;
    }

    /** 1 to {@link #MAX_EMOJI_LENGTH} code points, no spaces or control characters. */
    public static boolean valid(String emoji) {
        if (emoji == null || emoji.isEmpty()) {
            return false;
        }
        int length = emoji.codePointCount(0, emoji.length());
        return length <= MAX_EMOJI_LENGTH
                && emoji.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == ',');
    }

    public String messageId() {
        return messageId;
    }

    public String accountId() {
        return accountId;
    }

    public String emoji() {
        return emoji;
    }
}
