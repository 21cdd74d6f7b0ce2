package org.moim.platform.realtime;

/**
 * An account's presence changed, as seen by the whole cluster (fired once, on the node whose
 * connection made the change, or on the oldest node when a node died). Features tell whoever may
 * know; the gateway does not know who that is.
 */
public record PresenceChanged(String accountId, PresenceStatus status) {
}
