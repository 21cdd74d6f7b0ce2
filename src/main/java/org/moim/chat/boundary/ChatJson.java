package org.moim.chat.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.moim.chat.control.History;
import org.moim.chat.control.Mentions;
import org.moim.chat.control.ReadMarkers.ReadState;
import org.moim.chat.entity.MessageState;
import org.moim.chat.entity.ReactionChanged;
import org.moim.platform.realtime.PresenceStatus;
import org.moim.platform.realtime.ServerFrame;

/** Chat's server frames (docs/realtime-protocol.md), built from values, never from entities. */
final class ChatJson {

    private ChatJson() {
    }

    /**
     * A message, live or replayed: the REST API's representation of it ({@link MessageView},
     * written by the same JSON-B), with its channel and sequence beside it, as every chat frame
     * has them, for routing and ordering.
     */
    static JsonObject message(History.Item item) {
        MessageView view = MessageView.from(item);
        return ServerFrame.of("message").add("channelId", view.channelId()).add("sequence", view.sequence())
                .add("message", ServerFrame.representation(view)).build();
    }

    /** An edit ({@code edited}) or a deletion ({@code deleted}) of message number {@code sequence}. */
    static JsonObject changed(MessageState message) {
        JsonObjectBuilder frame = ServerFrame.of(message.deleted() ? "deleted" : "edited")
                .add("channelId", message.channelId())
                .add("sequence", message.sequence())
                .add("messageId", message.id())
                .add("version", message.version());
        if (!message.deleted()) {
            frame.add("text", message.text()).add("mentions", strings(message.mentions()));
            optional(frame, "editedAt", message.editedAt());
        }
        return frame.build();
    }

    static JsonObject reaction(ReactionChanged change) {
        return ServerFrame.of("reaction")
                .add("channelId", change.channel().id())
                .add("sequence", change.sequence())
                .add("messageId", change.messageId())
                .add("accountId", change.accountId())
                .add("emoji", change.emoji())
                .add("added", change.added())
                .build();
    }

    static JsonObject typing(String channelId, String accountId) {
        return ServerFrame.of("typing").add("channelId", channelId).add("accountId", accountId).build();
    }

    static JsonObject read(String channelId, long sequence, long unread) {
        return ServerFrame.of("read").add("channelId", channelId).add("sequence", sequence).add("unread", unread).build();
    }

    static JsonObject read(ReadState state) {
        return read(state.channelId(), state.sequence(), state.unread());
    }

    static JsonObject presence(String workspaceId, Map<String, PresenceStatus> statuses) {
        JsonObjectBuilder accounts = ServerFrame.JSON.createObjectBuilder();
        statuses.forEach((account, status) -> accounts.add(account, status.wire()));
        return ServerFrame.of("presence").add("workspaceId", workspaceId).add("accounts", accounts).build();
    }

    /** The client's subscription ended from our side: access was taken away. */
    static JsonObject unsubscribed(String member, String id, String reason) {
        return ServerFrame.of("unsubscribed").add(member, id).add("reason", reason).build();
    }

    /** A send's mentions that notified nobody: {@code [{accountId, displayName}]}, as the REST answer's. */
    static JsonValue notDelivered(List<Mentions.NotDelivered> people) {
        return ServerFrame.representation(MessageView.MentionNotDeliveredView.from(people));
    }

    static JsonObjectBuilder ack(String replyTo) {
        JsonObjectBuilder frame = ServerFrame.of("ack");
        if (replyTo != null) {
            frame.add("replyTo", replyTo);
        }
        return frame;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = ServerFrame.JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static void optional(JsonObjectBuilder frame, String name, Object value) {
        if (value instanceof Instant instant) {
            frame.add(name, instant.toString());
        } else if (value != null) {
            frame.add(name, value.toString());
        }
    }
}
