package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.moim.billing.entity.Limit;

/** Members of a workspace, every role. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MemberUsage implements UsageMeter {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Override
    public Limit limit() {
        return Limit.MEMBERS;
    }

    @Override
    public long used(String workspaceId) {
        return em.createQuery("select count(m) from Membership m where m.workspace.id = :workspace", Long.class)
                .setParameter("workspace", workspaceId)
                .getSingleResult();
    }
}
