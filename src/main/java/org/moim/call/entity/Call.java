package org.moim.call.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A call in a channel: live while {@link #endedAt()} is null, then its history. At most one call
 * per channel is live ({@code liveChannelId} is unique). Who is in it are its
 * {@link CallParticipant}s; every change to them happens under a lock on this row.
 */
@Entity
@Table(name = "video_call")
public class Call {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "channel_id", nullable = false, length = 36, updatable = false)
    private String channelId;

    @Column(name = "channel_kind", nullable = false, length = 16, updatable = false)
    private String channelKind;

    @Column(name = "workspace_id", nullable = false, length = 36, updatable = false)
    private String workspaceId;

    @Column(name = "live_channel_id", length = 36)
    private String liveChannelId;

    @Column(name = "started_by", nullable = false, length = 36, updatable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected Call() {
    }

    public Call(CallChannel channel, String startedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.channelId = channel.id();
        this.channelKind = channel.kind();
        this.workspaceId = channel.workspaceId();
        this.liveChannelId = channel.id();
        this.startedBy = Objects.requireNonNull(startedBy);
        this.startedAt = now;
    }

    /** Ends the call at {@code at} (never before it started); the channel is free for a new one. */
    public void end(Instant at) {
        if (endedAt == null) {
            endedAt = at.isBefore(startedAt) ? startedAt : at;
            liveChannelId = null;
        }
    }

    public boolean isLive() {
        return endedAt == null;
    }

    /**
     * The real-time topic of one participant's tab: only that tab listens, from before its join
     * commits until it leaves. Peer ids are new at every join, so nothing meant for an earlier
     * tab reaches a later one.
     */
    public static String peerTopic(String peerId) {
        return "call:" + peerId;
    }

    public String id() {
        return id;
    }

    public String channelId() {
        return channelId;
    }

    public String channelKind() {
        return channelKind;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
