package org.moim.chat.control;

import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What someone who can read a channel may do in it, by their role in its workspace: the chat
 * permission matrix as data ({@code docs/permissions.md} shows the same table).
 *
 * <p>Who reads a channel is decided before this matrix: the members of a direct conversation
 * (while they are in the workspace), the readers of the board for a board channel. Anyone else
 * gets 404. GUEST here is a guest who reads the channel.
 */
public enum ChatAction {
    /** History, search, subscribing, read markers, typing. */
    READ(OWNER, MANAGER, MEMBER, GUEST),
    POST(OWNER, MANAGER, MEMBER, GUEST),
    REACT(OWNER, MANAGER, MEMBER, GUEST),
    /** Edit one's own messages (nobody edits anyone else's). */
    EDIT_OWN(OWNER, MANAGER, MEMBER, GUEST),
    DELETE_OWN(OWNER, MANAGER, MEMBER, GUEST),
    /** Delete anyone's message: board and workspace channels; in a direct conversation nobody may. */
    DELETE_ANY(OWNER, MANAGER),
    /** Start a direct conversation (guests take part when invited into one, they do not start them). */
    START_DIRECT(OWNER, MANAGER, MEMBER);

    private final Set<MemberRole> roles;

    ChatAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
