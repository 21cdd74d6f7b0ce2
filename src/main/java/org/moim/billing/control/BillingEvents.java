package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.moim.billing.entity.BillingEvent;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;

/** The billing audit trail: written in the same transaction as what it records. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BillingEvents {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    public void record(String workspaceId, String kind, String actorId, String paymentId, String detail) {
        em.persist(new BillingEvent(workspaceId, kind, actorId, paymentId, detail, clock.instant()));
    }

    /** The newest entries first, a page at a time (keyset by time and id). */
    public Page<BillingEvent> page(String workspaceId, int limit, String cursor) {
        Keyset keyset = Keyset.newestFirst("e.createdAt", "e.id", limit, cursor);
        return keyset.page(em.createQuery("select e from BillingEvent e where e.workspaceId = :workspace"
                        + keyset.and() + keyset.orderBy(), BillingEvent.class)
                .setParameter("workspace", workspaceId), e -> new Cursor(e.createdAt(), e.id()));
    }
}
