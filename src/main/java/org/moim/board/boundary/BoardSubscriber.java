package org.moim.board.boundary;

import jakarta.json.JsonObject;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.ServerFrame;
import org.moim.platform.realtime.HeldSubscriber;

/**
 * One connection following a board. Changes published before the subscription's {@code ack} went
 * out are held and sent after it, so the client reads the ack's revision first.
 */
final class BoardSubscriber extends HeldSubscriber {

    private final String boardId;

    BoardSubscriber(String boardId) {
        this.boardId = boardId;
    }

    String boardId() {
        return boardId;
    }

    void acknowledged(Connection connection, JsonObject ack) {
        release(connection, ack);
    }

    @Override
    public void ended(Connection connection, String topic) {
        close();
        connection.send(ServerFrame.of("unsubscribed").add("boardId", boardId).add("reason", "access-revoked").build());
    }
}
