package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.moim.billing.control.UsageMeter;
import org.moim.billing.entity.Limit;

/** The plan's integration count: every webhook of the workspace, paused ones too. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookUsage implements UsageMeter {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Override
    public Limit limit() {
        return Limit.INTEGRATIONS;
    }

    @Override
    public long used(String workspaceId) {
        return em.createQuery("select count(w) from Webhook w where w.workspaceId = :workspace", Long.class)
                .setParameter("workspace", workspaceId)
                .getSingleResult();
    }
}
