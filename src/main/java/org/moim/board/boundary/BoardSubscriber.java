package org.moim.board.boundary;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.ServerFrame;
import org.moim.platform.realtime.Subscriber;

/**
 * One connection following a board. Changes published before the subscription's {@code ack} went
 * out are held and sent after it, so the client reads the ack's revision first.
 */
final class BoardSubscriber implements Subscriber {

    private final String boardId;
    private boolean holding = true;
    private boolean closed;
    private final List<String> held = new ArrayList<>();

    BoardSubscriber(String boardId) {
        this.boardId = boardId;
    }

    String boardId() {
        return boardId;
    }

    @Override
    public synchronized void deliver(Connection connection, String topic, JsonObject frame, String text) {
        if (closed) {
            return;
        }
        if (holding) {
            held.add(text);
        } else {
            connection.sendText(text);
        }
    }

    synchronized void acknowledged(Connection connection, JsonObject ack) {
        if (closed) {
            return;
        }
        connection.send(ack);
        holding = false;
        held.forEach(connection::sendText);
        held.clear();
    }

    synchronized void close() {
        closed = true;
        held.clear();
    }

    @Override
    public void ended(Connection connection, String topic) {
        close();
        connection.send(ServerFrame.of("unsubscribed").add("boardId", boardId).add("reason", "access-revoked").build());
    }
}
