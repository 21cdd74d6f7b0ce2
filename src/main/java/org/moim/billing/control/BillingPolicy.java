package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.platform.problem.Forbidden;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.Membership;

/**
 * The one place that decides who may see and change billing. Not a member of the workspace (or
 * no such workspace): 404 from {@link WorkspacePolicy}; a member whose role lacks the action: 403.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BillingPolicy {

    @Inject
    WorkspacePolicy workspaces;

    public Membership require(String workspaceId, String accountId, BillingAction action) {
        Membership membership = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role in this workspace (" + membership.role() + ") does not allow " + action + ".");
        }
        return membership;
    }
}
