package org.moim.workspace.control;

import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What a member may do in a workspace, and which roles may do it: the permission matrix as data.
 * {@code docs/permissions.md} shows the same table (a test keeps the two in sync).
 */
public enum Action {
    VIEW_WORKSPACE(OWNER, MANAGER, MEMBER, GUEST),
    UPDATE_WORKSPACE(OWNER, MANAGER),
    DELETE_WORKSPACE(OWNER),
    RESTORE_WORKSPACE(OWNER),
    TRANSFER_OWNERSHIP(OWNER),
    LIST_MEMBERS(OWNER, MANAGER, MEMBER),
    CHANGE_MEMBER_ROLE(OWNER, MANAGER),
    REMOVE_MEMBER(OWNER, MANAGER),
    /** Making someone an owner, or changing or removing an owner. */
    MANAGE_OWNERS(OWNER),
    LEAVE_WORKSPACE(OWNER, MANAGER, MEMBER, GUEST),
    INVITE_BY_EMAIL(OWNER, MANAGER),
    LIST_INVITATIONS(OWNER, MANAGER),
    REVOKE_INVITATION(OWNER, MANAGER),
    CREATE_INVITE_LINK(OWNER, MANAGER),
    LIST_INVITE_LINKS(OWNER, MANAGER),
    REVOKE_INVITE_LINK(OWNER, MANAGER),
    /** Making, listing and removing the workspace's bots and their tokens. */
    MANAGE_BOTS(OWNER, MANAGER);

    private final Set<MemberRole> roles;

    Action(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }

    /** The one action that applies to a deleted workspace (within its restore window). */
    public boolean appliesToDeletedWorkspace() {
        return this == RESTORE_WORKSPACE;
    }
}
