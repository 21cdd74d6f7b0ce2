package org.moim.command.control;

import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What may be done with a workspace's slash commands, and by which roles: the matrix as data.
 * {@code docs/permissions.md} shows the same table (a test keeps the two in sync). Running a
 * command is posting in the channel: {@code ChatAction.POST} decides it.
 */
public enum CommandAction {
    /** The words, descriptions and usage hints: what the composer suggests after "/". */
    LIST_COMMANDS(OWNER, MANAGER, MEMBER, GUEST),
    /** A command's URL (it may carry a secret of the integrator's) and who made it. */
    SEE_COMMAND_URL(OWNER, MANAGER),
    CREATE_COMMAND(OWNER, MANAGER),
    UPDATE_COMMAND(OWNER, MANAGER),
    DELETE_COMMAND(OWNER, MANAGER);

    private final Set<MemberRole> roles;

    CommandAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
