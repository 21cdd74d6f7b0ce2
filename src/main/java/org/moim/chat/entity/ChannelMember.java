package org.moim.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Someone in a DIRECT channel or a WORKSPACE channel other than general (board channels take their readers from the board, general from the workspace). */
@Entity
@Table(name = "chat_member")
@IdClass(ChannelMember.Key.class)
public class ChannelMember {

    /** The primary key (channel, account). */
    public static class Key implements Serializable {
        private String channelId;
        private String accountId;

        public Key() {
        }

        public Key(String channelId, String accountId) {
            this.channelId = channelId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(channelId, key.channelId) && Objects.equals(accountId, key.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, accountId);
        }
    }

    @Id
    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected ChannelMember() {
    }

    public ChannelMember(String channelId, String accountId, Instant now) {
        this.channelId = Objects.requireNonNull(channelId);
        this.accountId = Objects.requireNonNull(accountId);
        this.joinedAt = now;
    }

    public String channelId() {
        return channelId;
    }

    public String accountId() {
        return accountId;
    }
}
