package org.moim.workspace.entity;

/** Someone was invited by email (fired inside the transaction; observe AFTER_SUCCESS for side effects). */
public record InvitationCreated(String invitationId, String workspaceId, String email, MemberRole role, String invitedBy) {
}
