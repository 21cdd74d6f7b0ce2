package org.moim.platform.realtime;

import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open WebSocket: who is behind it, until when, and its outgoing frames. Frames leave in
 * order, one at a time, through the asynchronous remote; at most {@code maxQueued} wait, and a
 * client that falls further behind is closed rather than allowed to hold up anyone else.
 */
public final class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());

    private final Session session;
    private final String accountId;
    private final boolean bot;
    private final int maxQueued;
    private final Queue<OutgoingText> queue = new ArrayDeque<>();
    private final TextFrames frames;
    private final Object rawSocket;
    private final Map<String, Subscriber> subscriptions = new ConcurrentHashMap<>();
    private boolean sending;
    private volatile boolean cutOff;
    private volatile boolean away;
    private volatile long lastHeard = System.nanoTime();
    private String sessionId;
    private Instant expiresAt;
    private ScheduledFuture<?> expiry;

    Connection(Session session, Ticket ticket, int maxQueued, TextFrames frames) {
        this.session = session;
        this.frames = frames;
        this.rawSocket = frames.rawSocketOf(session);
        this.accountId = ticket.accountId();
        this.bot = ticket.bot();
        this.maxQueued = maxQueued;
        authenticate(ticket);
    }

    public String id() {
        return session.getId();
    }

    public String accountId() {
        return accountId;
    }

    /** Opened with a bot's token: what it sends carries the bot badge. */
    public boolean isBot() {
        return bot;
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Whether the client said its tab is not in use ({@code presence} frame). */
    public boolean isAway() {
        return away;
    }

    /** Sets the flag; answers the previous value. */
    synchronized boolean markAway(boolean away) {
        boolean was = this.away;
        this.away = away;
        return was;
    }

    /** Topic → subscriber; kept by {@link Subscriptions}. */
    Map<String, Subscriber> subscriptions() {
        return subscriptions;
    }

    synchronized String sessionId() {
        return sessionId;
    }

    synchronized Instant expiresAt() {
        return expiresAt;
    }

    synchronized void authenticate(Ticket ticket) {
        this.sessionId = ticket.sessionId();
        this.expiresAt = Instant.ofEpochSecond(ticket.tokenExpiresAt());
    }

    synchronized void expiry(ScheduledFuture<?> next) {
        if (expiry != null) {
            expiry.cancel(false);
        }
        expiry = next;
    }

    /** Queues a frame; closes the connection if the client is too far behind. */
    public void send(ServerFrame frame) {
        sendText(frame.toJson().toString());
    }

    /** Queues a feature's frame (built with {@code type} and {@code v}, see {@link ServerFrame#of}). */
    public void send(JsonObject frame) {
        sendText(frame.toString());
    }

    /**
     * Answers a frame whose work failed after its handler returned (asynchronous work): the error
     * frame a handler's exception would have given.
     */
    public void sendError(Throwable failure, String replyTo) {
        send(Connections.error(failure, replyTo));
    }

    /** Queues a frame that is already serialized. */
    public void sendText(String text) {
        send(OutgoingText.of(text));
    }

    /** Queues a frame that is already serialized and may go to many connections (encoded once for all). */
    public void send(OutgoingText text) {
        synchronized (this) {
            if (!session.isOpen()) {
                return;
            }
            if (queue.size() >= maxQueued) {
                queue.clear();
                cutOff = true;
                close(CloseCodes.TOO_SLOW, "Too many frames waiting; reconnect and resume");
                return;
            }
            queue.add(text);
            if (sending) {
                return;
            }
            sending = true;
        }
        sendNext();
    }

    /**
     * Writes the queued frames one after the other: the next when the container took the one
     * before. A write that completed at once is followed in this loop, not in a nested call, so
     * that a long queue written in one go does not deepen the stack.
     */
    private void sendNext() {
        while (true) {
            OutgoingText next;
            synchronized (this) {
                next = queue.poll();
                if (next == null || !session.isOpen()) {
                    sending = false;
                    return;
                }
            }
            CompletableFuture<?> written = frames.write(session, rawSocket, next);
            if (!written.isDone()) {
                written.whenComplete((ignored, failure) -> {
                    if (sent(failure)) {
                        sendNext();
                    }
                });
                return;
            }
            Throwable failure = written.handle((ignored, error) -> error).join();
            if (!sent(failure)) {
                return;
            }
        }
    }

    /** Whether the write went well; after a failed one the queue is dropped (the socket is going). */
    private boolean sent(Throwable failure) {
        if (failure == null) {
            return true;
        }
        LOG.log(Level.FINE, "Send to " + id() + " failed", failure);
        synchronized (this) {
            queue.clear();
            sending = false;
        }
        return false;
    }

    /** Frames waiting to be written to this socket. */
    synchronized int queued() {
        return queue.size();
    }

    /** Whether the server closed it because its frames piled up (a client that stopped reading). */
    boolean cutOff() {
        return cutOff;
    }

    /** Whether every queued frame has been written (or the socket is gone). */
    synchronized boolean flushed() {
        return !session.isOpen() || (queue.isEmpty() && !sending);
    }

    /** The client sent something (a frame or a pong): it is still there. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** Nanoseconds since the client last sent anything ({@link System#nanoTime} based). */
    long silentFor(long nowNanos) {
        return nowNanos - lastHeard;
    }

    /** A WebSocket ping; browsers and WebSocket clients answer it with a pong on their own. */
    void ping() {
        try {
            if (session.isOpen()) {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "Pinging " + id() + " failed", e);
        }
    }

    /** Closes a socket that never authenticated. */
    static void refuse(Session session) {
        refuse(session, new CloseReason(CloseCodes.UNAUTHENTICATED, "A valid, unused ticket is required"));
    }

    static void refuse(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Refusing " + session.getId() + " failed", e);
        }
    }

    public void close(CloseReason.CloseCode code, String reason) {
        expiry(null);
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing " + id() + " failed", e);
        }
    }
}
