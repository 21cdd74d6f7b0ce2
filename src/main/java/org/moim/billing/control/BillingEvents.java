package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.moim.billing.entity.BillingEvent;

/** The billing audit trail: written in the same transaction as what it records. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BillingEvents {

    public static final int MAX_LIST = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    public void record(String workspaceId, String kind, String actorId, String paymentId, String detail) {
        em.persist(new BillingEvent(workspaceId, kind, actorId, paymentId, detail, clock.instant()));
    }

    /** The newest entries first. */
    public List<BillingEvent> of(String workspaceId, int limit) {
        return em.createQuery("select e from BillingEvent e where e.workspaceId = :workspace order by e.createdAt desc, e.id",
                        BillingEvent.class)
                .setParameter("workspace", workspaceId)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_LIST)))
                .getResultList();
    }
}
