package org.moim.call.entity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What happened in a call, fired inside the transaction that changed it and told to the browsers
 * once it committed (docs/calls.md lists the frames each one becomes). Peers are the tabs of the
 * participants that should hear of it (their topics: {@link Call#peerTopic}).
 */
public sealed interface CallEvent {

    String callId();

    /** A participant as the others see them. */
    record PeerState(String peerId, String accountId, String displayName, MediaState media, boolean away, Instant joinedAt) {
    }

    /** Rings the channel's other members (every tab of each). */
    record Started(String callId, String channelId, String channelKind, String workspaceId, String startedBy,
                   String startedByName, Instant startedAt, Set<String> ringing) implements CallEvent {
    }

    /**
     * Someone joined, or came back through another (or a reconnected) tab: then
     * {@code replacedPeerId} is the tab they spoke through before.
     */
    record Joined(String callId, PeerState participant, List<String> otherPeers, String replacedPeerId) implements CallEvent {
    }

    /** The account's tabs stop ringing: it accepted or declined (on one of them). */
    record RingStopped(String callId, String accountId, String reason) implements CallEvent {
    }

    record Declined(String callId, String accountId, String displayName, List<String> participantPeers) implements CallEvent {
    }

    /** The participant's tab disconnected; they may come back within the grace period. */
    record Away(String callId, String peerId, String accountId, List<String> otherPeers) implements CallEvent {
    }

    record Left(String callId, String peerId, String accountId, String reason, List<String> otherPeers) implements CallEvent {
    }

    record MediaChanged(String callId, String peerId, String accountId, MediaState media, List<String> otherPeers)
            implements CallEvent {
    }

    /** To the channel's members and everyone who took part, so ringing stops and lists refresh. */
    record Ended(String callId, String channelId, Instant startedAt, Instant endedAt, Set<String> recipients)
            implements CallEvent {
    }
}
