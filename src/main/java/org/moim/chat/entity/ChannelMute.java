package org.moim.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Someone who muted a channel: {@code @channel} does not notify them, the list shows it quietly. */
@Entity
@Table(name = "chat_mute")
@IdClass(ChannelMember.Key.class)
public class ChannelMute {

    @Id
    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "muted_at", nullable = false)
    private Instant mutedAt;

    protected ChannelMute() {
    }

    public ChannelMute(String channelId, String accountId, Instant now) {
        this.channelId = Objects.requireNonNull(channelId);
        this.accountId = Objects.requireNonNull(accountId);
        this.mutedAt = now;
    }
}
