package org.moim.workspace.entity;

/**
 * Someone is about to join a workspace (fired synchronously inside the transaction, before the
 * membership is written). An observer may refuse by throwing; billing's member limit does.
 */
public record MemberJoining(String workspaceId, String accountId) {
}
