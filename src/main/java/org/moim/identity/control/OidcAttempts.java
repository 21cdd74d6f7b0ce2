package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.moim.identity.entity.OidcAttempt;

/**
 * Sign-ins under way at the provider, in the database so a callback may reach any node. The
 * state, the browser's cookie and the nonce are random; only the state's and cookie's hashes are kept.
 */
@ApplicationScoped
public class OidcAttempts {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OidcSettings settings;

    /** What the redirect to the provider carries, and the secret that binds the callback to this browser. */
    public record Begun(String state, String nonce, String codeChallenge, String browserSecret) {
    }

    /** What the callback needs once the attempt is spent. */
    public record Claimed(String nonce, String codeVerifier, String redirectUri) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Begun begin(String redirectUri) {
        Instant now = clock.instant();
        em.createQuery("delete from OidcAttempt a where a.expiresAt < :now").setParameter("now", now).executeUpdate();
        String state = Secrets.random();
        String browserSecret = Secrets.random();
        String nonce = Secrets.random();
        String verifier = Secrets.random() + Secrets.random();  // RFC 7636: 43 to 128 characters
        em.persist(new OidcAttempt(Secrets.sha256(state), Secrets.sha256(browserSecret), nonce, verifier, redirectUri,
                now, now.plus(settings.signInTimeout())));
        return new Begun(state, nonce, Secrets.s256(verifier), browserSecret);
    }

    /**
     * Spends the attempt a callback names. Commits on its own, before the provider is asked: a
     * replayed, forged, foreign or late callback finds nothing and is {@link OidcRefused#STATE_INVALID}.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = OidcRefused.class)
    public Claimed claim(String state, String browserSecret) {
        if (state == null || state.isBlank()) {
            throw OidcRefused.stateInvalid();
        }
        OidcAttempt attempt = em.find(OidcAttempt.class, Secrets.sha256(state));
        if (attempt == null) {
            throw OidcRefused.stateInvalid();
        }
        em.remove(attempt);
        em.flush();
        if (browserSecret == null || !attempt.admits(Secrets.sha256(browserSecret), clock.instant())) {
            throw OidcRefused.stateInvalid();
        }
        return new Claimed(attempt.nonce(), attempt.codeVerifier(), attempt.redirectUri());
    }

    /** Spends an attempt the provider ended with an error, so it cannot be completed later. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void abandon(String state) {
        if (state != null && !state.isBlank()) {
            em.createQuery("delete from OidcAttempt a where a.stateHash = :hash").setParameter("hash", Secrets.sha256(state)).executeUpdate();
        }
    }
}
