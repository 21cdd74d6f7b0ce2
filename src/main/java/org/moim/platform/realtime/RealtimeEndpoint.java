package org.moim.platform.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one WebSocket per browser tab: {@code /ws?ticket=…}. It only adapts the socket to
 * {@link Connections}; the protocol is in docs/realtime-protocol.md.
 */
@ServerEndpoint(value = "/ws", subprotocols = RealtimeEndpoint.PROTOCOL)
@ApplicationScoped
public class RealtimeEndpoint {

    public static final String PROTOCOL = "moim.v1";
    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());

    @Inject
    Connections connections;

    @Inject
    RealtimeTimers timers;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(ClientFrame.MAX_LENGTH * 4);
        // Tyrus schedules an idle check on every frame sent or received, on the container's managed
        // scheduler, whose per-task context capture serialized the gateway under load; the check
        // moves to our timers. No container idle timeout (Tyrus 2.1 closes a session that long
        // after a frame, however busy it is since): the heartbeat in Connections finds silent clients.
        timers.adopt(session);
        session.setMaxIdleTimeout(0);
        List<String> ticket = session.getRequestParameterMap().get("ticket");
        connections.open(session, ticket == null || ticket.isEmpty() ? null : ticket.get(0));
    }

    @OnMessage
    public void message(Session session, String text) {
        connections.received(session, text);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        connections.heard(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        connections.closed(session);
    }

    /**
     * A failure the gateway did not answer itself: a frame over the container's limits (1009, the
     * client's fault) or anything else (1011). The socket is closed, never left open and forgotten.
     */
    @OnError
    public void error(Session session, Throwable failure) {
        boolean tooBig = tooBig(failure);
        LOG.log(tooBig ? Level.FINE : Level.WARNING, "WebSocket " + session.getId() + " failed", failure);
        connections.closed(session);
        if (session.isOpen()) {
            try {
                session.close(tooBig
                        ? new CloseReason(CloseReason.CloseCodes.TOO_BIG, "Frames are at most " + ClientFrame.MAX_LENGTH + " characters.")
                        : new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Internal error."));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Closing failed WebSocket " + session.getId(), e);
            }
        }
    }

    /** The container's message-too-big failure (Tyrus has its own class; the API names none). */
    private static boolean tooBig(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("TooBig")) {
                return true;
            }
        }
        return false;
    }
}
