package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Forgets sign-in sessions that ended (expired or revoked) before a cut-off, with their refresh
 * tokens (the foreign key cascades). Live sessions keep their used refresh tokens: a reused one
 * must still be recognised to revoke the session.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionPurge {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    /** Answers how many sessions were deleted. */
    public int endedBefore(Instant cutoff) {
        return em.createQuery("delete from LoginSession s where s.expiresAt < :cutoff or s.revokedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
