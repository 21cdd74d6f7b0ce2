package org.moim.call.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.moim.call.entity.Call;
import org.moim.call.entity.CallEvent;
import org.moim.platform.realtime.Deliveries;
import org.moim.platform.realtime.ServerFrame;

/**
 * Tells the browsers what happened in a call once it committed: rings go to every tab of the
 * channel's members, what happens inside a call to the participants' own tabs (peer topics), the
 * end to the members and everyone who took part. Best effort, like all live delivery; the call's
 * state is in the database and joining again reads it.
 */
@ApplicationScoped
public class CallPush {

    @Inject
    Deliveries deliveries;

    void happened(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallEvent event) {
        if (event instanceof CallEvent.Started started) {
            JsonObject call = Json.createObjectBuilder()
                    .add("id", started.callId())
                    .add("channelId", started.channelId())
                    .add("channelKind", started.channelKind())
                    .add("workspaceId", started.workspaceId())
                    .add("startedBy", started.startedBy())
                    .add("startedByName", started.startedByName() == null ? "" : started.startedByName())
                    .add("startedAt", started.startedAt().toString())
                    .build();
            JsonObject ring = ServerFrame.of("call-ring").add("call", call).build();
            started.ringing().forEach(account -> deliveries.toAccount(account, ring));
        } else if (event instanceof CallEvent.Joined joined) {
            if (joined.replacedPeerId() != null) {
                toPeers(List.of(joined.replacedPeerId()), ServerFrame.of("call-left")
                        .add("callId", joined.callId()).add("peerId", joined.replacedPeerId()).add("reason", "moved").build());
                toPeers(joined.otherPeers(), ServerFrame.of("call-participant-left")
                        .add("callId", joined.callId()).add("peerId", joined.replacedPeerId())
                        .add("accountId", joined.participant().accountId()).add("reason", "moved").build());
            }
            toPeers(joined.otherPeers(), ServerFrame.of("call-participant-joined")
                    .add("callId", joined.callId()).add("participant", CallJson.peer(joined.participant())).build());
        } else if (event instanceof CallEvent.RingStopped stopped) {
            deliveries.toAccount(stopped.accountId(), ServerFrame.of("call-ring-stopped")
                    .add("callId", stopped.callId()).add("reason", stopped.reason()).build());
        } else if (event instanceof CallEvent.Declined declined) {
            toPeers(declined.participantPeers(), ServerFrame.of("call-declined")
                    .add("callId", declined.callId()).add("accountId", declined.accountId())
                    .add("displayName", declined.displayName() == null ? "" : declined.displayName()).build());
        } else if (event instanceof CallEvent.Away away) {
            toPeers(away.otherPeers(), ServerFrame.of("call-participant-away")
                    .add("callId", away.callId()).add("peerId", away.peerId()).add("accountId", away.accountId()).build());
        } else if (event instanceof CallEvent.Left left) {
            if (!left.reason().equals("left")) {
                // Removed or timed out: the tab (if it is still there) learns it is out.
                toPeers(List.of(left.peerId()), ServerFrame.of("call-left")
                        .add("callId", left.callId()).add("peerId", left.peerId()).add("reason", left.reason()).build());
            }
            toPeers(left.otherPeers(), ServerFrame.of("call-participant-left")
                    .add("callId", left.callId()).add("peerId", left.peerId()).add("accountId", left.accountId())
                    .add("reason", left.reason()).build());
        } else if (event instanceof CallEvent.MediaChanged changed) {
            toPeers(changed.otherPeers(), CallJson.media(ServerFrame.of("media-state")
                    .add("callId", changed.callId()).add("peerId", changed.peerId()).add("accountId", changed.accountId()),
                    changed.media()).build());
        } else if (event instanceof CallEvent.Ended ended) {
            JsonObject frame = ServerFrame.of("call-ended")
                    .add("callId", ended.callId())
                    .add("channelId", ended.channelId())
                    .add("startedAt", ended.startedAt().toString())
                    .add("endedAt", ended.endedAt().toString())
                    .add("durationSeconds", Duration.between(ended.startedAt(), ended.endedAt()).toSeconds())
                    .build();
            ended.recipients().forEach(account -> deliveries.toAccount(account, frame));
        }
    }

    private void toPeers(Collection<String> peerIds, JsonObject frame) {
        peerIds.forEach(peer -> deliveries.toTopic(Call.peerTopic(peer), frame));
    }
}
