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
 * token, so it outlasts every token it blocks. Deactivated accounts are denied as a whole, for
 * as long as they stay deactivated.
 */
@ApplicationScoped
public class TokenDenyList {

    static final String CACHE = "moim-token-deny-list";

    @Inject
    SharedCaches caches;

    @Inject
    @ConfigProperty(name = "moim.auth.access-token-ttl", defaultValue = "PT15M")
    Duration accessTokenTtl;

    static final String ACCOUNTS = "moim-deactivated-accounts";

    private Cache<String, Boolean> denied;

    private Cache<String, Boolean> deniedAccounts;

    @PostConstruct
    void open() {
        denied = caches.cache(CACHE, String.class, Boolean.class, accessTokenTtl.plusMinutes(2));
        // Deactivations last until reactivated: the database holds them, and every start loads them again.
        deniedAccounts = caches.cache(ACCOUNTS, String.class, Boolean.class, Duration.ofDays(3650));
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

    /** Refuses every credential of a deactivated account, whatever kind, until {@link #allowAccount}. */
    public void denyAccount(String accountId) {
        deniedAccounts.put(accountId, Boolean.TRUE);
    }

    public void allowAccount(String accountId) {
        deniedAccounts.remove(accountId);
    }

    /** Whether a credential is refused: its token, its sign-in session or its whole account. */
    public boolean isDenied(String jti, String sid, String accountId) {
        return jti != null && denied.containsKey("jti:" + jti) || sid != null && denied.containsKey("sid:" + sid)
                || accountId != null && deniedAccounts.containsKey(accountId);
    }
}
