package org.moim.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.moim.audit.entity.AuditAction;
import org.moim.audit.entity.AuditEntry;

/**
 * Where every feature records a security event. Each entry is written in a transaction of its
 * own: a sign-in that fails (and rolls back) is still in the log.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    /** Who acted: their account (null when unknown, e.g. a failed sign-in), the email they gave, and their address. */
    public record Actor(String accountId, String email, String address) {
    }

    /** Records that {@code actor} did {@code action} to {@code subjectId} (an account, token, job...; may be null). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditAction action, Actor actor, String subjectId, String detail) {
        em.persist(new AuditEntry(clock.instant(), action, actor.accountId(), actor.email(), subjectId, actor.address(), detail));
    }

    /** A sign-in by any method ("password", "oidc", ...): the one hook every sign-in path calls. */
    public void signedIn(String accountId, String email, String address, String method) {
        record(AuditAction.SIGN_IN, new Actor(accountId, email, address), accountId, method);
    }
}
