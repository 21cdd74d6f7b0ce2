package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.moim.billing.control.UsageMeter;
import org.moim.billing.entity.Limit;

/** The plan's board count: every board of the workspace, archived ones too. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardUsage implements UsageMeter {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Override
    public Limit limit() {
        return Limit.BOARDS;
    }

    @Override
    public long used(String workspaceId) {
        return em.createQuery("select count(b) from Board b where b.workspaceId = :workspace", Long.class)
                .setParameter("workspace", workspaceId)
                .getSingleResult();
    }
}
