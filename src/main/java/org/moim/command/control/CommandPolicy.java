package org.moim.command.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.moim.command.entity.Command;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.Membership;

/**
 * The one place that decides who may touch a workspace's slash commands. Not a member (or no such
 * or a deleted workspace): 404; a member whose role lacks the action: 403; a command of another
 * workspace: 404. See {@code docs/permissions.md}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommandPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    /** The caller's membership, if the caller may do {@code action} with the workspace's commands. */
    public Membership require(String workspaceId, String accountId, CommandAction action) {
        Membership membership = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role in this workspace (" + membership.role() + ") does not allow " + action + ".");
        }
        return membership;
    }

    /** The command, if it belongs to the workspace and the caller may do {@code action} with it. */
    public Command require(String workspaceId, String commandId, String accountId, CommandAction action) {
        require(workspaceId, accountId, action);
        Command command = commandId == null || commandId.length() > 36 ? null : em.find(Command.class, commandId);
        if (command == null || !command.workspaceId().equals(workspaceId)) {
            throw new NotFound("The command");
        }
        return command;
    }
}
