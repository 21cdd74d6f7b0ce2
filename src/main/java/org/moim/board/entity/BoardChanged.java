package org.moim.board.entity;

/**
 * Something changed on a board: the activity entry just written, with the board's revision after
 * it (fired inside the changing transaction; told to the board's live viewers after commit).
 * {@code details} is the entry's JSON object as stored.
 */
public record BoardChanged(String workspaceId, String boardId, long revision, String kind, String actorId, String cardId,
                           String details) {

    public String topic() {
        return topic(workspaceId, boardId);
    }

    /** The real-time topic of a board's changes; under the board's prefix, so losing the board ends it. */
    public static String topic(String workspaceId, String boardId) {
        return "ws:" + workspaceId + ":board:" + boardId + ":changes";
    }
}
