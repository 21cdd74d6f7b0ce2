package org.moim.chat.boundary;

import jakarta.json.JsonObject;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.HeldSubscriber;

/**
 * One connection following the presence of a workspace's members: a snapshot first, then every
 * change. Changes that arrive before the snapshot went out are held and sent after it, in order,
 * so the last frame about someone is always their current status.
 */
final class PresenceSubscriber extends HeldSubscriber {

    private final String workspaceId;

    PresenceSubscriber(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    String workspaceId() {
        return workspaceId;
    }

    void snapshot(Connection connection, JsonObject ack, JsonObject snapshot) {
        release(connection, ack, snapshot);
    }

    @Override
    public void ended(Connection connection, String topic) {
        close();
        connection.send(ChatJson.unsubscribed("workspaceId", workspaceId, "access-revoked"));
    }
}
