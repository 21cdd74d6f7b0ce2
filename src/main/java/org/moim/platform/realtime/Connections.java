package org.moim.platform.realtime;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.moim.platform.lifecycle.GracefulStop;
import org.moim.platform.lifecycle.NodeStopping;
import org.moim.platform.problem.ProblemType;
import org.moim.platform.security.AccessRevoked;
import org.moim.platform.security.TokenDenyList;

/**
 * The connections open on this node, indexed by sign-in session and account, and their
 * authentication over time: a connection is asked to re-authenticate shortly before its access
 * token expires and closed when it does not; a revoked token or session closes its connections
 * on every node at once (a data-grid topic). A heartbeat pings connections that have been silent
 * for half of {@code moim.realtime.idle-timeout} and closes those silent for all of it (the peer
 * vanished without closing). Frames of types a feature claims go to its {@link FrameHandler}.
 * When the node stops, new sockets are refused and open ones are closed with 1012 (service
 * restart) once their queued frames are written: clients reconnect to another node at once.
 */
@ApplicationScoped
public class Connections {

    public static final String REVOCATIONS = "moim-access-revoked";
    private static final long REFUSE_AFTER_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(Connections.class.getName());
    private static final Set<String> OWN_TYPES = Set.of("ping", "authenticate", "presence");

    @Inject
    RealtimeTickets tickets;

    @Inject
    TokenDenyList denyList;

    @Inject
    HazelcastInstance grid;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Presence presence;

    @Inject
    @Any
    Instance<FrameHandler> handlerBeans;

    @Inject
    @ConfigProperty(name = "moim.realtime.max-queued-frames", defaultValue = "1000")
    int maxQueued;

    @Inject
    @ConfigProperty(name = "moim.realtime.reauthenticate-before", defaultValue = "PT1M")
    Duration reauthenticateBefore;

    @Inject
    @ConfigProperty(name = "moim.realtime.idle-timeout", defaultValue = "PT1M")
    Duration idleTimeout;

    @Inject
    RealtimeTimers timers;

    @Inject
    GracefulStop stop;

    @Inject
    MetricRegistry metrics;

    private Counter opened;
    private Counter cutOffs;
    private Counter refused;
    private TextFrames frames;

    private final Map<String, Connection> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byAccount = new ConcurrentHashMap<>();
    private Map<String, FrameHandler> handlers = Map.of();
    private UUID revocationListener;
    private ScheduledFuture<?> heartbeat;

    /** This node's sockets as gauges and counters at /metrics (docs/operations.md, "Metrics"). */
    private void registerMetrics() {
        metrics.gauge(Metadata.builder().withName("moim.realtime.sockets")
                .withDescription("Open real-time sockets on this node").build(), byId, Map::size);
        metrics.gauge(Metadata.builder().withName("moim.realtime.subscriptions")
                .withDescription("Subscriptions of this node's sockets (a socket subscribes to each channel, board and feed it shows)").build(),
                byId, connections -> connections.values().stream().mapToInt(c -> c.subscriptions().size()).sum());
        metrics.gauge(Metadata.builder().withName("moim.realtime.send.queue")
                .withDescription("Frames waiting to be written to this node's slowest socket (cut off at moim.realtime.max-queued-frames)").build(),
                byId, connections -> connections.values().stream().mapToInt(Connection::queued).max().orElse(0));
        opened = metrics.counter(Metadata.builder().withName("moim.realtime.opened")
                .withDescription("Sockets opened on this node (connects and reconnects)").build());
        cutOffs = metrics.counter(Metadata.builder().withName("moim.realtime.cut.off")
                .withDescription("Sockets closed with 4429 because their client stopped reading").build());
        refused = metrics.counter(Metadata.builder().withName("moim.realtime.refused")
                .withDescription("Client frames answered with an error frame (a send refused, a bad frame, no access)").build());
        Counter shared = metrics.counter(Metadata.builder().withName("moim.realtime.frames.shared")
                .withDescription("Frames written as bytes encoded once for all their sockets").build());
        Counter container = metrics.counter(Metadata.builder().withName("moim.realtime.frames.container")
                .withDescription("Frames the container encoded for one socket (the fallback; none on Payara)").build());
        frames = new TextFrames(shared::inc, container::inc);
    }

    @PostConstruct
    void collectHandlers() {
        registerMetrics();
        Map<String, FrameHandler> byType = new HashMap<>();
        for (FrameHandler handler : handlerBeans) {
            for (String type : handler.types()) {
                FrameHandler other = byType.put(type, handler);
                if (other != null || OWN_TYPES.contains(type)) {
                    throw new IllegalStateException("Frame type '" + type + "' is claimed twice (" + handler + ", "
                            + (other == null ? "the gateway" : other) + ")");
                }
            }
        }
        handlers = Map.copyOf(byType);
    }

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ITopic<AccessRevoked> topic = grid.getTopic(REVOCATIONS);
        revocationListener = topic.addMessageListener(message -> closeRevoked(message.getMessageObject()));
        long every = Math.max(1, idleTimeout.toMillis() / 4);
        heartbeat = timers.scheduler().scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopListening() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (revocationListener != null) {
            grid.getTopic(REVOCATIONS).removeMessageListener(revocationListener);
        }
    }

    static final CloseReason RESTARTING = new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART,
            "This server is restarting; reconnect");

    /**
     * The node is stopping (after the features that answer frames finished their work): close every
     * socket with 1012 once its queued frames are written, and wait for the closes until the deadline.
     */
    void closeAll(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(200) NodeStopping stopping) {
        try {
            while (!byId.values().stream().allMatch(Connection::flushed) && Instant.now().isBefore(stopping.deadline())) {
                Thread.sleep(10);
            }
            int count = byId.size();
            for (Connection connection : Set.copyOf(byId.values())) {
                connection.close(RESTARTING.getCloseCode(), RESTARTING.getReasonPhrase());
            }
            while (!byId.isEmpty() && Instant.now().isBefore(stopping.deadline())) {
                Thread.sleep(10);
            }
            LOG.info(() -> "Closed " + count + " sockets with 1012 (service restart); " + byId.size() + " still open");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Authenticates a new socket with its ticket, or closes it. */
    public void open(Session session, String ticketValue) {
        if (stop.isStopping()) {
            timers.scheduler().schedule(() -> Connection.refuse(session, RESTARTING), REFUSE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        Ticket ticket = tickets.redeem(ticketValue).orElse(null);
        if (ticket == null || Instant.ofEpochSecond(ticket.tokenExpiresAt()).isBefore(clock.instant())) {
            refuse(session);
            return;
        }
        Connection connection = new Connection(session, ticket, maxQueued, frames);
        byId.put(connection.id(), connection);
        index(bySession, connection.sessionId(), connection);
        index(byAccount, connection.accountId(), connection);
        // Checked only once indexed: a revocation either finds the connection or is seen here.
        if (denyList.isDenied(ticket.tokenId(), ticket.sessionId(), ticket.accountId())) {
            closed(session);
            refuse(session);
            return;
        }
        // Counted before the hello: a client that has its hello is online everywhere, so a frame
        // it sends next (another tab going away, say) meets the presence that includes it.
        presence.opened(connection);
        if (!connection.isOpen()) {
            // Closed while being counted: closed() found nothing to take back yet.
            presence.closed(connection);
            return;
        }
        connection.send(new ServerFrame.Hello(connection.id(), connection.accountId(), connection.expiresAt()));
        opened.inc();
        // After the hello: a ticket near its token's expiry asks for a fresh one at once, and the hello comes first.
        scheduleExpiry(connection);
    }

    /** A pong (or any frame) from the client. */
    public void heard(Session session) {
        Connection connection = byId.get(session.getId());
        if (connection != null) {
            connection.heard();
        }
    }

    /** Every quarter of the idle timeout: ping the quiet, close the silent. */
    void heartbeat() {
        long now = System.nanoTime();
        long timeout = idleTimeout.toNanos();
        for (Connection connection : byId.values()) {
            try {
                long silent = connection.silentFor(now);
                if (silent >= timeout) {
                    connection.close(CloseCodes.SILENT, "Nothing received, not even a pong; reconnect");
                } else if (silent >= timeout / 2) {
                    connection.ping();
                }
            } catch (RuntimeException e) {
                // A failure here must not end the heartbeat (a periodic task that throws stops).
                LOG.log(Level.WARNING, "The heartbeat failed on " + connection.id(), e);
            }
        }
    }

    /**
     * Closes a socket with 4401 just after its opening: Payara's WebSocket upgrade flushes the 101
     * response only once the endpoint's open returns, and a close from inside it could reach the
     * client first, or not at all.
     */
    private void refuse(Session session) {
        timers.scheduler().schedule(() -> Connection.refuse(session), REFUSE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void closed(Session session) {
        Connection connection = byId.remove(session.getId());
        if (connection != null) {
            connection.expiry(null);
            unindex(bySession, connection.sessionId(), connection);
            unindex(byAccount, connection.accountId(), connection);
            subscriptions.closed(connection);
            presence.closed(connection);
            tellHandlers(connection);
            if (connection.cutOff()) {
                cutOffs.inc();
            }
        }
    }

    private void tellHandlers(Connection connection) {
        for (FrameHandler handler : Set.copyOf(handlers.values())) {
            try {
                handler.closed(connection);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A frame handler failed on the close of " + connection.id(), e);
            }
        }
    }

    /** This node's open connections of the account. */
    Set<Connection> ofAccount(String accountId) {
        return byAccount.getOrDefault(accountId, Set.of());
    }

    /** Handles one client frame; problems answer an error frame and the connection stays. */
    public void received(Session session, String text) {
        Connection connection = byId.get(session.getId());
        if (connection == null) {
            return;
        }
        connection.heard();
        ClientFrame frame = ClientFrame.parse(text, handlers.keySet());
        if (frame instanceof ClientFrame.Feature feature) {
            handle(connection, feature);
        } else if (frame instanceof ClientFrame.Ping ping) {
            connection.send(new ServerFrame.Pong(ping.id()));
        } else if (frame instanceof ClientFrame.SetPresence status) {
            presence.away(connection, status.away());
        } else if (frame instanceof ClientFrame.Authenticate authenticate) {
            reauthenticate(connection, authenticate);
        } else if (frame instanceof ClientFrame.MalformedFrame malformed) {
            refused.inc();
            connection.send(ServerFrame.Error.of(MALFORMED_FRAME, malformed.reason(), malformed.id()));
        }
    }

    /** Tells every node, once the revocation has committed, to close the session's connections. */
    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessRevoked revoked) {
        grid.<AccessRevoked>getTopic(REVOCATIONS).publish(revoked);
    }

    private void handle(Connection connection, ClientFrame.Feature frame) {
        try {
            handlers.get(frame.type()).handle(connection, frame);
        } catch (RuntimeException e) {
            refused.inc();
            connection.send(error(e, frame.id()));
        }
    }

    /** A handler's failure as an error frame: the problem the REST API answers for the same failure. */
    static ServerFrame.Error error(Throwable failure, String replyTo) {
        return ServerFrame.Error.of(failure, replyTo);
    }

    static final ProblemType MALFORMED_FRAME = new ProblemType("malformed-frame", 400, "Malformed frame");
    static final ProblemType TICKET_REFUSED = new ProblemType("invalid-ticket", 401, "Invalid ticket");

    private void reauthenticate(Connection connection, ClientFrame.Authenticate frame) {
        Ticket ticket = tickets.redeem(frame.ticket()).orElse(null);
        if (ticket == null || !ticket.accountId().equals(connection.accountId())
                || denyList.isDenied(ticket.tokenId(), ticket.sessionId(), ticket.accountId())) {
            connection.send(ServerFrame.Error.of(TICKET_REFUSED,
                    "The ticket is unknown, used, expired or not yours; get a new one.", frame.id()));
            return;
        }
        unindex(bySession, connection.sessionId(), connection);
        connection.authenticate(ticket);
        index(bySession, connection.sessionId(), connection);
        scheduleExpiry(connection);
        connection.send(new ServerFrame.Authenticated(connection.expiresAt()));
    }

    private void scheduleExpiry(Connection connection) {
        Instant expires = connection.expiresAt();
        Instant ask = expires.minus(reauthenticateBefore);
        long askIn = Math.max(0, Duration.between(clock.instant(), ask).toMillis());
        connection.expiry(scheduler.schedule(() -> {
            connection.send(new ServerFrame.Reauthenticate(expires));
            long closeIn = Math.max(0, Duration.between(clock.instant(), expires).toMillis());
            connection.expiry(scheduler.schedule(() -> connection.close(CloseCodes.AUTHENTICATION_EXPIRED,
                    "The access token expired; reconnect with a new ticket"), closeIn, TimeUnit.MILLISECONDS));
        }, askIn, TimeUnit.MILLISECONDS));
    }

    /** Every revocation ends a sign-in session (logout too), so the session index finds them all. */
    private void closeRevoked(AccessRevoked revoked) {
        for (Connection connection : Set.copyOf(bySession.getOrDefault(revoked.sessionId(), Set.of()))) {
            connection.close(CloseCodes.REVOKED, "Signed out");
        }
    }

    private static void index(Map<String, Set<Connection>> index, String key, Connection connection) {
        if (key != null) {
            index.compute(key, (k, set) -> {
                Set<Connection> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
                connections.add(connection);
                return connections;
            });
        }
    }

    private static void unindex(Map<String, Set<Connection>> index, String key, Connection connection) {
        if (key != null) {
            index.computeIfPresent(key, (k, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
