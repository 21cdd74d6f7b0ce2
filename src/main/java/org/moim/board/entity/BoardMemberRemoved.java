package org.moim.board.entity;

/**
 * Someone was taken off a board's member list (fired inside the removing transaction). For a
 * GUEST of the workspace that means losing the board; others still see it as workspace members.
 */
public record BoardMemberRemoved(String workspaceId, String boardId, String accountId) {
}
