package org.moim.chat.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.moim.chat.control.Mentions;
import org.moim.chat.control.ReadMarkers.ReadState;
import org.moim.chat.entity.AttachedFile;
import org.moim.chat.entity.MessageState;
import org.moim.chat.entity.ReactionChanged;
import org.moim.platform.realtime.PresenceStatus;
import org.moim.platform.realtime.ServerFrame;

/** Chat's server frames (docs/realtime-protocol.md), built from values, never from entities. */
final class ChatJson {

    private ChatJson() {
    }

    /** A message, live or replayed: every delivery carries its channel's sequence number. */
    static JsonObject message(MessageState message, Map<String, List<String>> reactions, List<AttachedFile> attachments) {
        JsonObjectBuilder frame = ServerFrame.of("message")
                .add("channelId", message.channelId())
                .add("sequence", message.sequence())
                .add("messageId", message.id())
                .add("senderId", message.senderId())
                .add("senderBot", message.senderBot())
                .add("createdAt", message.createdAt().toString())
                .add("version", message.version())
                .add("deleted", message.deleted());
        optional(frame, "text", message.text());
        optional(frame, "parentId", message.parentId());
        optional(frame, "senderName", message.senderName());
        optional(frame, "editedAt", message.editedAt());
        frame.add("mentions", strings(message.mentions()));
        JsonObjectBuilder grouped = ServerFrame.JSON.createObjectBuilder();
        reactions.forEach((emoji, accounts) -> grouped.add(emoji, strings(accounts)));
        frame.add("reactions", grouped);
        JsonArrayBuilder files = ServerFrame.JSON.createArrayBuilder();
        attachments.forEach(file -> files.add(ServerFrame.JSON.createObjectBuilder()
                .add("id", file.id())
                .add("name", file.name())
                .add("contentType", file.contentType())
                .add("size", file.size())
                .add("thumbnail", file.thumbnail())
                .add("contentUrl", MessageView.AttachmentView.contentUrl(file.id()))));
        frame.add("attachments", files);
        return frame.build();
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
    static JsonArrayBuilder notDelivered(List<Mentions.NotDelivered> people) {
        JsonArrayBuilder array = ServerFrame.JSON.createArrayBuilder();
        people.forEach(p -> array.add(ServerFrame.JSON.createObjectBuilder().add("accountId", p.accountId()).add("displayName", p.displayName())));
        return array;
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
