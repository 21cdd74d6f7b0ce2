package org.moim.workspace.entity;

/** An invitee accepted or declined (fired inside the transaction; observe AFTER_SUCCESS for side effects). */
public record InvitationAnswered(String invitationId, String workspaceId, String accountId, Invitation.Status outcome) {
}
