package org.moim.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * How far one person has read one channel: every message up to {@code seq}. It only moves
 * forward (written by one upsert that keeps the greater value, see ReadMarkers).
 */
@Entity
@Table(name = "chat_read")
@IdClass(ReadMarker.Key.class)
public class ReadMarker {

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

    @Column(nullable = false)
    private long seq;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReadMarker() {
    }

    public String channelId() {
        return channelId;
    }

    public String accountId() {
        return accountId;
    }

    public long seq() {
        return seq;
    }
}
