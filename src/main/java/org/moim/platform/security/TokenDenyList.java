package org.moim.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.cache.Cache;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.cluster.SharedCaches;

/**
 * Access tokens revoked before they expire, shared by all nodes: single tokens by {@code jti}
 * (logout) and every token of an ended sign-in session by its {@code sid} (revoked sessions,
 * password changes, refresh-token reuse). An entry lives as long as the longest-lived access
 * token, so it outlasts every token it blocks.
 */
@ApplicationScoped
public class TokenDenyList {

    static final String CACHE = "moim-token-deny-list";

    @Inject
    SharedCaches caches;

    @Inject
    @ConfigProperty(name = "moim.auth.access-token-ttl", defaultValue = "PT15M")
    Duration accessTokenTtl;

    private Cache<String, Boolean> denied;

    @PostConstruct
    void open() {
        denied = caches.cache(CACHE, String.class, Boolean.class, accessTokenTtl.plusMinutes(2));
    }

    @Inject
    Event<AccessRevoked> revocations;

    public void denyToken(String jti) {
        if (jti != null) {
            denied.put("jti:" + jti, Boolean.TRUE);
        }
    }

    public void denySession(String sid) {
        if (sid != null) {
            denied.put("sid:" + sid, Boolean.TRUE);
            revocations.fire(new AccessRevoked(sid));
        }
    }

    public boolean isDenied(String jti, String sid) {
        return jti != null && denied.containsKey("jti:" + jti) || sid != null && denied.containsKey("sid:" + sid);
    }
}
