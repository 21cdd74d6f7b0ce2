package org.moim.platform.realtime;

import java.util.Set;

/**
 * The extension point of the gateway: a CDI bean that claims client frame types (say
 * {@code send}, {@code subscribe}) so a feature speaks on the one socket without the platform
 * knowing it. {@link Connections} hands each frame of a claimed type to its handler, on the
 * socket's thread and one frame at a time per connection.
 *
 * <p>A handler decodes, checks permission, calls one application method and answers with
 * {@link Connection#send(jakarta.json.JsonObject)} or through {@link Deliveries}. Anything it
 * throws becomes an {@code error} frame that replies to the frame's {@code id}: a
 * {@link org.moim.platform.problem.ProblemException} with its own type, a concurrent change as
 * {@code /problems/conflict}, anything else as {@code /problems/internal} (logged). The
 * connection always stays open. Two handlers claiming one type stop the application at start.
 */
public interface FrameHandler {

    /** The frame types this handler takes; never the gateway's own ({@code ping}, {@code authenticate}, {@code presence}). */
    Set<String> types();

    void handle(Connection connection, ClientFrame.Feature frame);

    /**
     * The connection closed on this node (the client left, the network dropped, the server closed
     * it). For handlers that keep something per connection (a call participant, say); called once
     * per connection and handler, after its subscriptions ended. It must not block for long, and
     * whatever it throws is logged and ignored.
     */
    default void closed(Connection connection) {
    }
}
