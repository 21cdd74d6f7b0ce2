package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.LoginSession.RevokedReason;
import org.moim.platform.security.TokenDenyList;

/**
 * Deactivating an account ends it everywhere at once: every sign-in session ends (its refresh
 * tokens are refused, its access tokens denied and its sockets closed on every node), and the
 * account as a whole is denied in the shared deny-list, so that credentials of any kind
 * (personal access tokens too) are refused until it is reactivated.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Deactivations {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LoginSessions sessions;

    @Inject
    TokenDenyList denyList;

    /** Returns how many sign-in sessions ended. */
    public int deactivate(Account account) {
        account.deactivate(clock.instant());
        denyList.denyAccount(account.id());
        return sessions.revokeOthers(account.id(), null, RevokedReason.DEACTIVATED);
    }

    public void reactivate(Account account) {
        account.reactivate(clock.instant());
        denyList.allowAccount(account.id());
    }

    /** Puts every deactivated account on the shared deny-list again (a node starts; the grid may be new). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int reloadDenials() {
        var ids = em.createQuery("select a.id from Account a where a.deactivatedAt is not null", String.class).getResultList();
        ids.forEach(denyList::denyAccount);
        return ids.size();
    }
}
