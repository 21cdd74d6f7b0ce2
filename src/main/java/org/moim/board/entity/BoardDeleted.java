package org.moim.board.entity;

/** A board is gone with everything on it (fired inside the deleting transaction). */
public record BoardDeleted(String workspaceId, String boardId) {
}
