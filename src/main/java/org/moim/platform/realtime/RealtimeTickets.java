package org.moim.platform.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.cache.Cache;
import org.moim.platform.cluster.SharedCaches;

/**
 * One-time tickets that open a WebSocket: obtained over REST with an access token, redeemed once
 * within 30 seconds on any node. The access token itself never travels in a URL.
 */
@ApplicationScoped
public class RealtimeTickets {

    public static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SharedCaches caches;

    private Cache<String, Ticket> tickets;

    @PostConstruct
    void open() {
        tickets = caches.cache("moim-realtime-tickets", String.class, Ticket.class, LIFETIME);
    }

    public String issue(Ticket ticket) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tickets.put(value, ticket);
        return value;
    }

    /** The ticket's meaning, at most once: redeeming removes it atomically across nodes. */
    public Optional<Ticket> redeem(String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(tickets.getAndRemove(value));
    }
}
