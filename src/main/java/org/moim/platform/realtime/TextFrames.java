package org.moim.platform.realtime;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes text frames to sockets. Through the standard API ({@code getAsyncRemote().sendText}) the
 * container encodes a text once per socket, character by character; a frame fanned out to a
 * channel of ten was encoded ten times, and that was two thirds of the fan-out threads' time
 * (issue 20's profiles). Payara's WebSocket implementation, Tyrus, can write a frame's bytes as
 * they are ({@code TyrusWebSocket.sendRawFrame}, which its own broadcast uses): this class hands
 * it {@link OutgoingText#wire()}, encoded once for all its sockets, and gets the write's
 * completion from the future Tyrus returns (a {@code CompletableFuture}).
 *
 * <p>The socket behind a session is a package-private field of Tyrus's remote endpoint, reached
 * by reflection once per socket. Another container, a Tyrus that changed, or a socket with a
 * negotiated extension (compression would have to see every frame) takes the standard path:
 * slower, nothing else, logged once. The counters at /metrics say which path frames took
 * ({@code moim_realtime_frames_shared_total}, {@code moim_realtime_frames_container_total});
 * {@code MetricsIT} fails when the shared path stops being used.
 */
final class TextFrames {

    private static final Logger LOG = Logger.getLogger(TextFrames.class.getName());
    private static final String TYRUS_REMOTE = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";

    private final Runnable shared;
    private final Runnable container;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean rawBroken;
    private volatile Field webSocketField;
    private volatile Method sendRaw;

    /** {@code shared} and {@code container} are told of each frame written on their path (the counters). */
    TextFrames(Runnable shared, Runnable container) {
        this.shared = shared;
        this.container = container;
    }

    /** The session's Tyrus socket, to write frames' bytes to; null when frames take the standard path. */
    Object rawSocketOf(Session session) {
        if (rawBroken) {
            return null;
        }
        if (session.getNegotiatedExtensions() != null && !session.getNegotiatedExtensions().isEmpty()) {
            LOG.fine(() -> "Socket " + session.getId() + " negotiated " + session.getNegotiatedExtensions() + ": its frames take the standard path");
            return null;
        }
        try {
            Object remote = session.getAsyncRemote();
            Field field = webSocketField;
            if (field == null) {
                field = declared(remote.getClass());
                webSocketField = field;
            }
            Object socket = field.get(remote);
            if (sendRaw == null) {
                sendRaw = socket.getClass().getMethod("sendRawFrame", ByteBuffer.class);
            }
            return socket;
        } catch (ReflectiveOperationException | RuntimeException e) {
            rawBroken = true;
            warnOnce("the container's socket could not be reached", e);
            return null;
        }
    }

    private static Field declared(Class<?> remote) throws NoSuchFieldException {
        for (Class<?> type = remote; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(TYRUS_REMOTE)) {
                Field field = type.getDeclaredField("webSocket");
                field.setAccessible(true);
                return field;
            }
        }
        throw new NoSuchFieldException("not a Tyrus remote endpoint: " + remote.getName());
    }

    /**
     * Writes one frame to the socket; the future completes when the container took the bytes (or
     * the write failed). {@code raw} is what {@link #rawSocketOf} answered for the session.
     */
    CompletableFuture<?> write(Session session, Object raw, OutgoingText frame) {
        if (raw != null && !rawBroken) {
            Object written;
            try {
                written = sendRaw.invoke(raw, ByteBuffer.wrap(frame.wire()));
            } catch (InvocationTargetException e) {
                // The socket refused (closed meanwhile): the standard path would have failed too.
                return CompletableFuture.failedFuture(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                rawBroken = true;
                warnOnce("writing a frame's bytes failed", e);
                return containerWrite(session, frame);
            }
            shared.run();
            if (written instanceof CompletableFuture<?> future) {
                return future;
            }
            // Written, but no completion to wait for: later frames take the standard path.
            rawBroken = true;
            warnOnce("the container's write answered a " + (written == null ? "null" : written.getClass().getName()), null);
            return CompletableFuture.completedFuture(null);
        }
        return containerWrite(session, frame);
    }

    private CompletableFuture<?> containerWrite(Session session, OutgoingText frame) {
        container.run();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            session.getAsyncRemote().sendText(frame.text(), result -> {
                if (result.isOK()) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(result.getException());
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void warnOnce(String why, Exception failure) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "Real-time frames are encoded once per socket by the container (slower under load): " + why, failure);
        }
    }
}
