package org.moim.call.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One stint of one person in a call, from joining to leaving: the history's "who, when, how
 * long". While it has not left it is active, speaking through one tab ({@link Peer}); a tab that
 * disconnects makes it away, and it either comes back (from any tab) within the grace period or
 * counts as having left when it went away. Someone who leaves and joins again gets a new stint.
 */
@Entity
@Table(name = "call_participant")
public class CallParticipant {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "call_id", nullable = false, updatable = false)
    private Call call;

    @Column(name = "account_id", nullable = false, length = 36, updatable = false)
    private String accountId;

    @Column(name = "peer_id", nullable = false, length = 36)
    private String peerId;

    @Column(name = "connection_id", nullable = false, length = 64)
    private String connectionId;

    @Column(name = "node_id", nullable = false, length = 64)
    private String nodeId;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    @Column(name = "away_since")
    private Instant awaySince;

    @Column(nullable = false)
    private boolean mic;

    @Column(nullable = false)
    private boolean camera;

    @Column(nullable = false)
    private boolean screen;

    protected CallParticipant() {
    }

    public CallParticipant(Call call, Peer peer, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.call = Objects.requireNonNull(call);
        this.accountId = peer.accountId();
        this.joinedAt = now;
        connect(peer);
        media(MediaState.JOINING);
    }

    /** Speaks from now on through this tab (a reconnect, or the same person joining from another tab). */
    public void connect(Peer peer) {
        if (!peer.accountId().equals(accountId)) {
            throw new IllegalArgumentException("A stint belongs to one account");
        }
        this.peerId = peer.peerId();
        this.connectionId = peer.connectionId();
        this.nodeId = peer.nodeId();
        this.awaySince = null;
    }

    /** Its tab is gone; it has the grace period to come back. The first moment counts. */
    public void away(Instant now) {
        if (awaySince == null && leftAt == null) {
            awaySince = now;
        }
    }

    /** Leaves now, or, when away, at the moment it went away (it was not there since). */
    public void leave(Instant now) {
        if (leftAt == null) {
            leftAt = awaySince != null && awaySince.isBefore(now) ? awaySince : now;
        }
    }

    /** Away for longer than the grace period at {@code now}. */
    public boolean awayLongerThan(Duration grace, Instant now) {
        return awaySince != null && !awaySince.plus(grace).isAfter(now);
    }

    public void media(MediaState state) {
        this.mic = state.mic();
        this.camera = state.camera();
        this.screen = state.screen();
    }

    public boolean isActive() {
        return leftAt == null;
    }

    public boolean isAway() {
        return awaySince != null;
    }

    public boolean speaksThrough(String connectionId) {
        return this.connectionId.equals(connectionId);
    }

    public MediaState media() {
        return new MediaState(mic, camera, screen);
    }

    public String id() {
        return id;
    }

    public Call call() {
        return call;
    }

    public String accountId() {
        return accountId;
    }

    public String peerId() {
        return peerId;
    }

    public String connectionId() {
        return connectionId;
    }

    public String nodeId() {
        return nodeId;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant leftAt() {
        return leftAt;
    }

    public Instant awaySince() {
        return awaySince;
    }
}
