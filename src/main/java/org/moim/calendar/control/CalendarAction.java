package org.moim.calendar.control;

import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What a member may do with a workspace's calendar, and which roles may do it: the matrix as data.
 * {@code docs/permissions.md} ("Calendar") shows the same table (a test keeps the two in sync).
 */
public enum CalendarAction {
    /** The range query and events one attends; guests see nothing else. */
    VIEW_CALENDAR(OWNER, MANAGER, MEMBER, GUEST),
    /** Every event of the workspace, not only those one attends. */
    VIEW_ALL_EVENTS(OWNER, MANAGER, MEMBER),
    CREATE_EVENT(OWNER, MANAGER, MEMBER),
    EDIT_OWN_EVENT(OWNER, MANAGER, MEMBER),
    EDIT_ANY_EVENT(OWNER, MANAGER),
    DELETE_OWN_EVENT(OWNER, MANAGER, MEMBER),
    DELETE_ANY_EVENT(OWNER, MANAGER);

    private final Set<MemberRole> roles;

    CalendarAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
