package org.moim.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.cache.Cache;
import org.moim.platform.cluster.SharedCaches;

/**
 * The client addresses each email address signed in from successfully, remembered for
 * {@code moim.rate-limit.login.known-address-ttl} in the shared data grid. From such an address
 * the owner is held only by the per-(account, address) limit: failures elsewhere, however
 * many, do not keep them out.
 */
@ApplicationScoped
public class KnownAddresses {

    @Inject
    SharedCaches caches;

    @Inject
    RateLimits limits;

    private Cache<String, Boolean> known;

    @PostConstruct
    void open() {
        known = caches.cache("moim-known-sign-in-addresses", String.class, Boolean.class, limits.knownAddressTtl());
    }

    public boolean contains(String email, String address) {
        return known.containsKey(key(email, address));
    }

    public void remember(String email, String address) {
        known.put(key(email, address), Boolean.TRUE);
    }

    static String key(String email, String address) {
        return email + "\n" + address;
    }
}
