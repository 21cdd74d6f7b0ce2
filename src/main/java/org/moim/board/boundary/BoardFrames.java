package org.moim.board.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import org.moim.board.control.BoardWatch;
import org.moim.platform.realtime.ClientFrame;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.FrameHandler;
import org.moim.platform.realtime.ServerFrame;
import org.moim.platform.realtime.Subscriptions;

/**
 * Boards on the real-time gateway: {@code board-subscribe} follows a board's changes while it is
 * open (allowed to exactly those who may view the board, 404 otherwise), {@code board-unsubscribe}
 * stops. What travels is told by {@link BoardFeed}; docs/realtime-protocol.md has the frames.
 */
@ApplicationScoped
public class BoardFrames implements FrameHandler {

    @Inject
    BoardWatch watch;

    @Inject
    Subscriptions subscriptions;

    @Override
    public Set<String> types() {
        return Set.of("board-subscribe", "board-unsubscribe");
    }

    @Override
    public void handle(Connection connection, ClientFrame.Feature frame) {
        String boardId = frame.required("boardId");
        if (frame.type().equals("board-subscribe")) {
            subscribe(connection, frame, boardId);
        } else {
            unsubscribe(connection, boardId);
            connection.send(ack(frame).add("boardId", boardId).build());
        }
    }

    private void subscribe(Connection connection, ClientFrame.Feature frame, String boardId) {
        BoardWatch.Watched board = watch.watch(boardId, connection.accountId());
        BoardSubscriber subscriber = new BoardSubscriber(boardId);
        subscriptions.subscriber(connection, board.topic()).ifPresent(BoardFrames::close);
        // Subscribed before the revision is read again: whatever commits later arrives live.
        subscriptions.subscribe(connection, board.topic(), subscriber);
        BoardWatch.Watched now;
        try {
            now = watch.watch(boardId, connection.accountId());
        } catch (RuntimeException e) {
            subscriptions.unsubscribe(connection, board.topic());
            throw e;
        }
        subscriber.acknowledged(connection, ack(frame).add("boardId", boardId).add("workspaceId", now.workspaceId())
                .add("revision", now.revision()).build());
    }

    private void unsubscribe(Connection connection, String boardId) {
        subscriptions.of(connection).forEach((topic, subscriber) -> {
            if (subscriber instanceof BoardSubscriber board && board.boardId().equals(boardId)
                    && subscriptions.unsubscribe(connection, topic)) {
                board.close();
            }
        });
    }

    private static JsonObjectBuilder ack(ClientFrame.Feature frame) {
        JsonObjectBuilder ack = ServerFrame.of("ack");
        if (frame.id() != null) {
            ack.add("replyTo", frame.id());
        }
        return ack;
    }

    private static void close(Object subscriber) {
        if (subscriber instanceof BoardSubscriber board) {
            board.close();
        }
    }
}
