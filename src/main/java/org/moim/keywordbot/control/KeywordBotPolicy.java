package org.moim.keywordbot.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.moim.keywordbot.entity.Handover;
import org.moim.keywordbot.entity.KeywordRule;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.Membership;

/**
 * The one place that decides who may touch a workspace's keyword bot. Not a member (or no such or
 * a deleted workspace): 404; a role without the action: 403; a rule or handover of another
 * workspace: 404. See {@code docs/permissions.md}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KeywordBotPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    public Membership require(String workspaceId, String accountId, KeywordBotAction action) {
        Membership membership = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role in this workspace (" + membership.role() + ") does not allow " + action + ".");
        }
        return membership;
    }

    public KeywordRule requireRule(String workspaceId, String ruleId, String accountId, KeywordBotAction action) {
        require(workspaceId, accountId, action);
        KeywordRule rule = ruleId == null || ruleId.length() > 36 ? null : em.find(KeywordRule.class, ruleId);
        if (rule == null || !rule.workspaceId().equals(workspaceId)) {
            throw new NotFound("The rule");
        }
        return rule;
    }

    public Handover requireHandover(String workspaceId, String handoverId, String accountId, KeywordBotAction action) {
        require(workspaceId, accountId, action);
        Handover handover = handoverId == null || handoverId.length() > 36 ? null : em.find(Handover.class, handoverId);
        if (handover == null || !handover.workspaceId().equals(workspaceId)) {
            throw new NotFound("The handover");
        }
        return handover;
    }
}
