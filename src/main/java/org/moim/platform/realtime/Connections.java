package org.moim.platform.realtime;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.problem.ProblemType;
import org.moim.platform.security.AccessRevoked;
import org.moim.platform.security.TokenDenyList;

/**
 * The connections open on this node, indexed by sign-in session, and their
 * authentication over time: a connection is asked to re-authenticate shortly before its access
 * token expires and closed when it does not; a revoked token or session closes its connections
 * on every node at once (a data-grid topic).
 */
@ApplicationScoped
public class Connections {

    public static final String REVOCATIONS = "moim-access-revoked";

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
    @ConfigProperty(name = "moim.realtime.max-queued-frames", defaultValue = "1000")
    int maxQueued;

    @Inject
    @ConfigProperty(name = "moim.realtime.reauthenticate-before", defaultValue = "PT1M")
    Duration reauthenticateBefore;

    private final Map<String, Connection> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private UUID revocationListener;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ITopic<AccessRevoked> topic = grid.getTopic(REVOCATIONS);
        revocationListener = topic.addMessageListener(message -> closeRevoked(message.getMessageObject()));
    }

    @PreDestroy
    void stopListening() {
        if (revocationListener != null) {
            grid.getTopic(REVOCATIONS).removeMessageListener(revocationListener);
        }
    }

    /** Authenticates a new socket with its ticket, or closes it. */
    public void open(Session session, String ticketValue) {
        Ticket ticket = tickets.redeem(ticketValue).orElse(null);
        if (ticket == null || Instant.ofEpochSecond(ticket.tokenExpiresAt()).isBefore(clock.instant())) {
            Connection.refuse(session);
            return;
        }
        Connection connection = new Connection(session, ticket, maxQueued);
        byId.put(connection.id(), connection);
        index(bySession, connection.sessionId(), connection);
        // Checked only once indexed: a revocation either finds the connection or is seen here.
        if (denyList.isDenied(ticket.tokenId(), ticket.sessionId())) {
            closed(session);
            Connection.refuse(session);
            return;
        }
        scheduleExpiry(connection);
        connection.send(new ServerFrame.Hello(connection.id(), connection.accountId(), connection.expiresAt()));
    }

    public void closed(Session session) {
        Connection connection = byId.remove(session.getId());
        if (connection != null) {
            connection.expiry(null);
            unindex(bySession, connection.sessionId(), connection);
        }
    }

    /** Handles one client frame; problems answer an error frame and the connection stays. */
    public void received(Session session, String text) {
        Connection connection = byId.get(session.getId());
        if (connection == null) {
            return;
        }
        ClientFrame frame = ClientFrame.parse(text);
        if (frame instanceof ClientFrame.Ping ping) {
            connection.send(new ServerFrame.Pong(ping.id()));
        } else if (frame instanceof ClientFrame.Authenticate authenticate) {
            reauthenticate(connection, authenticate);
        } else if (frame instanceof ClientFrame.MalformedFrame malformed) {
            connection.send(new ServerFrame.Error(MALFORMED_FRAME, malformed.reason(), malformed.id()));
        }
    }

    /** Tells every node, once the revocation has committed, to close the session's connections. */
    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessRevoked revoked) {
        grid.<AccessRevoked>getTopic(REVOCATIONS).publish(revoked);
    }

    static final ProblemType MALFORMED_FRAME = new ProblemType("malformed-frame", 400, "Malformed frame");
    static final ProblemType TICKET_REFUSED = new ProblemType("invalid-ticket", 401, "Invalid ticket");

    private void reauthenticate(Connection connection, ClientFrame.Authenticate frame) {
        Ticket ticket = tickets.redeem(frame.ticket()).orElse(null);
        if (ticket == null || !ticket.accountId().equals(connection.accountId())
                || denyList.isDenied(ticket.tokenId(), ticket.sessionId())) {
            connection.send(new ServerFrame.Error(TICKET_REFUSED,
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
            index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(connection);
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
