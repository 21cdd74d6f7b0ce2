package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.board.entity.Board;
import org.moim.board.entity.BoardChanged;

/**
 * Following a board live: who may (exactly who may view it, asked of {@link BoardPolicy}: 404
 * otherwise), on which topic, and the board's revision now.
 */
@ApplicationScoped
public class BoardWatch {

    @Inject
    BoardPolicy policy;

    /** A board as a live viewer follows it. */
    public record Watched(String workspaceId, String boardId, long revision) {

        public String topic() {
            return BoardChanged.topic(workspaceId, boardId);
        }
    }

    /** The board if the account may view it (else 404), with its current revision. */
    @Transactional
    public Watched watch(String boardId, String accountId) {
        Board board = policy.require(boardId, accountId, BoardAction.VIEW_BOARD);
        return new Watched(board.workspaceId(), board.id(), board.revision());
    }
}
