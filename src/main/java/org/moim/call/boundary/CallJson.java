package org.moim.call.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.moim.call.control.Calls;
import org.moim.call.entity.Call;
import org.moim.call.entity.CallEvent;
import org.moim.call.entity.MediaState;

/** The JSON of calls and participants inside real-time frames (docs/calls.md). */
final class CallJson {

    private CallJson() {
    }

    /** What {@code call-joined} carries: the call, this tab's peer id, everyone in it, the limit. */
    static JsonObject joined(Calls.Joined joined) {
        Call call = joined.call();
        JsonArrayBuilder participants = Json.createArrayBuilder();
        joined.participants().forEach(p -> participants.add(peer(p)));
        return Json.createObjectBuilder()
                .add("id", call.id())
                .add("channelId", call.channelId())
                .add("channelKind", call.channelKind())
                .add("workspaceId", call.workspaceId())
                .add("startedBy", call.startedBy())
                .add("startedAt", call.startedAt().toString())
                .add("maxParticipants", joined.maxParticipants())
                .add("self", joined.self().peerId())
                .add("participants", participants)
                .build();
    }

    static JsonObject peer(CallEvent.PeerState p) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("peerId", p.peerId())
                .add("accountId", p.accountId());
        if (p.displayName() != null) {
            json.add("displayName", p.displayName());
        }
        return media(json, p.media())
                .add("away", p.away())
                .add("joinedAt", p.joinedAt().toString())
                .build();
    }

    static JsonObjectBuilder media(JsonObjectBuilder json, MediaState media) {
        return json.add("mic", media.mic()).add("camera", media.camera()).add("screen", media.screen());
    }
}
