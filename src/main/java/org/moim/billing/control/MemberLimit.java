package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.billing.entity.Limit;
import org.moim.workspace.entity.MemberJoining;

/**
 * Enforces the member limit where people join a workspace (accepting an invitation, redeeming an
 * invite link): the workspace fires {@link MemberJoining} in its transaction and a refusal here
 * rolls the join back. An event, because workspace cannot depend on billing (billing reads
 * workspaces).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MemberLimit {

    @Inject
    PlanLimits limits;

    void joining(@Observes MemberJoining joining) {
        limits.requireRoom(joining.workspaceId(), Limit.MEMBERS, 1);
    }
}
