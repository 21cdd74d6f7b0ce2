package org.moim.call.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.call.control.Calls;
import org.moim.call.control.ClusterNodes;
import org.moim.call.entity.Call;
import org.moim.call.entity.MediaState;
import org.moim.call.entity.Peer;
import org.moim.platform.persistence.DuplicateKeys;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.realtime.ClientFrame;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.Deliveries;
import org.moim.platform.realtime.FrameHandler;
import org.moim.platform.realtime.ServerFrame;
import org.moim.platform.realtime.Subscriber;
import org.moim.platform.realtime.Subscriptions;

/**
 * The call frames on the WebSocket (docs/calls.md): decodes them, lets {@link CallSignaling}
 * check and apply them, answers. A tab that joins listens to its own peer topic from before the
 * join commits, so nothing the others send it after hearing of the join is lost. Offers, answers
 * and ICE candidates are checked (sender in the call and allowed to see its channel, addressee in
 * the same call) and relayed to the addressee's topic only.
 */
@ApplicationScoped
public class CallFrames implements FrameHandler {

    private static final Logger LOG = Logger.getLogger(CallFrames.class.getName());
    private static final Set<String> RELAYED = Set.of("offer", "answer", "ice");

    @Inject
    CallSignaling signaling;

    @Inject
    CallSweepSchedule sweeper;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Deliveries deliveries;

    @Inject
    ClusterNodes nodes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "moim.calls.reconnect-grace", defaultValue = "PT30S")
    Duration grace;

    /** This node's connections that joined a call, with their peer ids: only their close concerns calls. */
    private final Map<String, Set<String>> peersByConnection = new ConcurrentHashMap<>();

    @Override
    public Set<String> types() {
        return Set.of("call-start", "call-join", "call-accept", "call-decline", "call-leave",
                "offer", "answer", "ice", "media-state");
    }

    @Override
    public void handle(Connection connection, ClientFrame.Feature frame) {
        String account = connection.accountId();
        switch (frame.type()) {
            case "call-start" -> {
                String channelId = frame.required("channelId");
                join(connection, frame, peer -> {
                    try {
                        return signaling.start(channelId, peer);
                    } catch (RuntimeException e) {
                        if (!DuplicateKeys.in(e)) {
                            throw e;
                        }
                        // Someone started a call in this channel at the same moment: join theirs.
                        return signaling.start(channelId, peer);
                    }
                });
            }
            case "call-join", "call-accept" -> {
                String callId = frame.required("callId");
                boolean accepting = frame.type().equals("call-accept");
                join(connection, frame, peer -> signaling.join(callId, peer, accepting));
            }
            case "call-decline" -> signaling.decline(frame.required("callId"), account);
            case "call-leave" -> {
                String callId = frame.required("callId");
                String peerId = signaling.leave(callId, connection.id(), account);
                forget(connection, peerId);
                connection.send(reply("call-left", frame).add("callId", callId).add("peerId", peerId).add("reason", "left").build());
            }
            case "media-state" -> signaling.media(frame.required("callId"), connection.id(), account,
                    new MediaState(frame.flag("mic"), frame.flag("camera"), frame.flag("screen")));
            default -> {
                if (RELAYED.contains(frame.type())) {
                    relay(connection, frame);
                }
            }
        }
    }

    /** Joins (or starts) with a fresh peer id whose topic the tab listens to before the join commits. */
    private void join(Connection connection, ClientFrame.Feature frame, Function<Peer, JsonObject> action) {
        String peerId = UUID.randomUUID().toString();
        String topic = Call.peerTopic(peerId);
        subscriptions.subscribe(connection, topic, Subscriber.SEND);
        JsonObject call;
        try {
            call = action.apply(new Peer(connection.accountId(), peerId, connection.id(), nodes.local()));
        } catch (RuntimeException e) {
            subscriptions.unsubscribe(connection, topic);
            throw e;
        }
        peersByConnection.computeIfAbsent(connection.id(), id -> ConcurrentHashMap.newKeySet()).add(peerId);
        if (!connection.isOpen()) {
            // Closed while joining: closed() may have run before the map held it.
            closed(connection);
            return;
        }
        connection.send(reply("call-joined", frame).add("call", call).build());
    }

    private void relay(Connection connection, ClientFrame.Feature frame) {
        String callId = frame.required("callId");
        String to = frame.required("to");
        String payloadName = frame.type().equals("ice") ? "candidate" : "description";
        JsonValue payload = frame.json().get(payloadName);
        if (frame.type().equals("ice")) {
            if (payload == null || payload.getValueType() != JsonValue.ValueType.OBJECT && payload != JsonValue.NULL) {
                throw new InvalidField("candidate", "must be an RTCIceCandidate (an object) or null for the end of candidates");
            }
        } else if (!(payload instanceof JsonObject description)
                || !(description.get("sdp") instanceof JsonString)
                || !(description.get("type") instanceof JsonString type) || !type.getString().equals(frame.type())) {
            throw new InvalidField("description", "must be an RTCSessionDescription of type '" + frame.type() + "'");
        }
        Calls.Route route = signaling.route(callId, connection.id(), connection.accountId(), to);
        deliveries.toTopic(route.topic(), ServerFrame.of(frame.type())
                .add("callId", callId)
                .add("from", route.fromPeerId())
                .add("fromAccountId", route.fromAccountId())
                .add(payloadName, payload)
                .build());
    }

    /** The tab closed: its participants are away, and after the grace period a sweep settles it. */
    @Override
    public void closed(Connection connection) {
        if (peersByConnection.remove(connection.id()) == null) {
            return;
        }
        try {
            if (signaling.disconnected(connection.id())) {
                scheduler.schedule(this::sweep, grace.toMillis() + 500, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            // The periodic sweep finds the participant by its node; nothing is lost but time.
            LOG.log(Level.WARNING, "Marking the calls of " + connection.id() + " as disconnected failed", e);
        }
    }

    private void sweep() {
        try {
            sweeper.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Settling calls after a disconnect failed; the periodic sweep will", e);
        }
    }

    private void forget(Connection connection, String peerId) {
        subscriptions.unsubscribe(connection, Call.peerTopic(peerId));
        Set<String> peers = peersByConnection.get(connection.id());
        if (peers != null) {
            peers.remove(peerId);
        }
    }

    private static JsonObjectBuilder reply(String type, ClientFrame.Feature frame) {
        JsonObjectBuilder reply = ServerFrame.of(type);
        if (frame.id() != null) {
            reply.add("replyTo", frame.id());
        }
        return reply;
    }
}
