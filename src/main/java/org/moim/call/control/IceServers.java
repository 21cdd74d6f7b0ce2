package org.moim.call.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The STUN and TURN servers a browser uses to reach the other participants
 * ({@code moim.calls.stun-urls}, {@code moim.calls.turn-urls}), TURN with credentials made for the
 * caller that expire after {@code moim.calls.turn-ttl} ({@link TurnCredentials}). TURN URLs
 * without {@code moim.calls.turn-secret} are left out (and said so at start): a static password
 * would be readable by every signed-in browser.
 */
@ApplicationScoped
public class IceServers {

    private static final Logger LOG = Logger.getLogger(IceServers.class.getName());

    /** One entry of RTCConfiguration.iceServers; STUN entries have no user name or credential. */
    public record Server(List<String> urls, String username, String credential) {
    }

    public record Configuration(List<Server> servers, Instant expiresAt) {
    }

    /** Comma-separated (Payara's config cannot inject an optional list). */
    @Inject
    @ConfigProperty(name = "moim.calls.stun-urls")
    Optional<String> stunUrls;

    @Inject
    @ConfigProperty(name = "moim.calls.turn-urls")
    Optional<String> turnUrls;

    @Inject
    @ConfigProperty(name = "moim.calls.turn-secret")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "moim.calls.turn-ttl", defaultValue = "PT12H")
    Duration turnTtl;

    @Inject
    Clock clock;

    @PostConstruct
    void check() {
        if (!urls(turnUrls).isEmpty() && secret().isEmpty()) {
            LOG.warning("moim.calls.turn-urls is set but moim.calls.turn-secret is not: browsers get no TURN server");
        }
    }

    public Configuration forAccount(String accountId) {
        List<Server> servers = new ArrayList<>();
        List<String> stun = urls(stunUrls);
        if (!stun.isEmpty()) {
            servers.add(new Server(stun, null, null));
        }
        List<String> turn = urls(turnUrls);
        Instant expiresAt = null;
        if (!turn.isEmpty() && secret().isPresent()) {
            TurnCredentials.Credential credential = TurnCredentials.issue(secret().get(), accountId, clock.instant().plus(turnTtl));
            servers.add(new Server(turn, credential.username(), credential.credential()));
            expiresAt = credential.expiresAt();
        }
        return new Configuration(List.copyOf(servers), expiresAt);
    }

    private Optional<String> secret() {
        return turnSecret.filter(s -> !s.isBlank());
    }

    static List<String> urls(Optional<String> configured) {
        return configured.stream().flatMap(list -> Arrays.stream(list.split(","))).map(String::strip)
                .filter(url -> !url.isEmpty()).toList();
    }
}
