package org.moim.board.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import org.moim.board.control.ActivityLog;
import org.moim.board.entity.BoardChanged;
import org.moim.platform.realtime.Deliveries;
import org.moim.platform.realtime.ServerFrame;

/**
 * Tells a board's live viewers, on every node, what changed on it once the change has committed
 * ({@code board-changed}, one per activity entry, with the board's revision after it). Only the
 * board's topic carries it, and only those who may view the board are subscribed to it; losing
 * the board (off its member list, out of the workspace, the board deleted) ends the subscription
 * inside the removing transaction, before anything later is published (chat's AccessWatch).
 */
@ApplicationScoped
public class BoardFeed {

    @Inject
    Deliveries deliveries;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardChanged event) {
        JsonObjectBuilder frame = ServerFrame.of("board-changed")
                .add("workspaceId", event.workspaceId())
                .add("boardId", event.boardId())
                .add("revision", event.revision())
                .add("kind", event.kind())
                .add("actorId", event.actorId())
                .add("details", ActivityLog.parse(event.details()));
        if (event.cardId() != null) {
            frame.add("cardId", event.cardId());
        }
        deliveries.toTopic(event.topic(), frame.build());
    }
}
