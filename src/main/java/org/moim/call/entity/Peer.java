package org.moim.call.entity;

import java.util.Objects;

/**
 * One browser tab taking part in a call: the account, the id the other participants address it
 * by (new at every join, so frames for an earlier tab of the same person never reach this one),
 * the WebSocket it speaks on, and the cluster node that WebSocket is open on.
 */
public record Peer(String accountId, String peerId, String connectionId, String nodeId) {

    public Peer {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(peerId);
        Objects.requireNonNull(connectionId);
        Objects.requireNonNull(nodeId);
    }
}
