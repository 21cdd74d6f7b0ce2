package org.moim.chat.boundary;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.Subscriber;

/**
 * One connection following the presence of a workspace's members: a snapshot first, then every
 * change. Changes that arrive before the snapshot went out are held and sent after it, in order,
 * so the last frame about someone is always their current status.
 */
final class PresenceSubscriber implements Subscriber {

    private final String workspaceId;
    private boolean holding = true;
    private boolean closed;
    private final List<String> held = new ArrayList<>();

    PresenceSubscriber(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    String workspaceId() {
        return workspaceId;
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

    synchronized void snapshot(Connection connection, JsonObject ack, JsonObject snapshot) {
        if (closed) {
            return;
        }
        connection.send(ack);
        connection.send(snapshot);
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
        connection.send(ChatJson.unsubscribed("workspaceId", workspaceId, "access-revoked"));
    }
}
