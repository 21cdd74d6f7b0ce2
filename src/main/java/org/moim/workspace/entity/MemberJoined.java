package org.moim.workspace.entity;

/**
 * Someone became a member: by accepting an invitation ({@code via = "invitation"}) or through an
 * invite link ({@code "invite-link"}). Fired inside the transaction, once per new membership;
 * observe AFTER_SUCCESS for side effects outside the database.
 */
public record MemberJoined(String workspaceId, String accountId, MemberRole role, String via) {
}
