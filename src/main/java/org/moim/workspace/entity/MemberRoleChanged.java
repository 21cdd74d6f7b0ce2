package org.moim.workspace.entity;

/**
 * A member's role in a workspace changed (fired inside the changing transaction). Made a GUEST,
 * they lose the boards they are not on.
 */
public record MemberRoleChanged(String workspaceId, String accountId, MemberRole from, MemberRole to) {
}
