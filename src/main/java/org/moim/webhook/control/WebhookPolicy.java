package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.webhook.entity.Webhook;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.Membership;

/**
 * The one place that decides who may touch a workspace's webhooks. Not a member (or no such or a
 * deleted workspace): 404; a member whose role lacks the action: 403; a webhook of another
 * workspace: 404. See {@code docs/permissions.md}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    /** The caller's membership, if the caller may do {@code action} with the workspace's webhooks. */
    public Membership require(String workspaceId, String accountId, WebhookAction action) {
        Membership membership = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role in this workspace (" + membership.role() + ") does not allow " + action + ".");
        }
        return membership;
    }

    /** The webhook, if it belongs to the workspace and the caller may do {@code action} with it. */
    public Webhook require(String workspaceId, String webhookId, String accountId, WebhookAction action) {
        require(workspaceId, accountId, action);
        Webhook webhook = webhookId == null ? null : em.find(Webhook.class, webhookId);
        if (webhook == null || !webhook.workspaceId().equals(workspaceId)) {
            throw new NotFound("The webhook");
        }
        return webhook;
    }
}
