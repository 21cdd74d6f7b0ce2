package org.moim.workspace.entity;

/**
 * Someone is no longer a member: they left ({@code removedBy} null) or another member removed
 * them. Fired inside the transaction; observe AFTER_SUCCESS for side effects outside the database.
 */
public record MemberLeft(String workspaceId, String accountId, MemberRole role, String removedBy) {
}
