package org.moim.call.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.moim.call.control.Calls;
import org.moim.call.entity.MediaState;
import org.moim.call.entity.Peer;

/**
 * The use cases behind the call frames, one transaction each ({@link CallFrames} decodes the
 * frames and calls these). Whatever the participants must hear goes out after the commit
 * ({@link CallPush}).
 */
@ApplicationScoped
public class CallSignaling {

    @Inject
    Calls calls;

    @Transactional
    public JsonObject start(String channelId, Peer peer) {
        return CallJson.joined(calls.start(channelId, peer));
    }

    @Transactional
    public JsonObject join(String callId, Peer peer, boolean accepting) {
        return CallJson.joined(calls.join(callId, peer, accepting));
    }

    @Transactional
    public void decline(String callId, String accountId) {
        calls.decline(callId, accountId);
    }

    /** Answers the peer id the tab had in the call. */
    @Transactional
    public String leave(String callId, String connectionId, String accountId) {
        return calls.leave(callId, connectionId, accountId);
    }

    @Transactional
    public void media(String callId, String connectionId, String accountId, MediaState state) {
        calls.media(callId, connectionId, accountId, state);
    }

    @Transactional
    public Calls.Route route(String callId, String connectionId, String accountId, String toPeerId) {
        return calls.route(callId, connectionId, accountId, toPeerId);
    }

    /** Answers whether the connection was in a call. */
    @Transactional
    public boolean disconnected(String connectionId) {
        return calls.disconnected(connectionId);
    }
}
