package org.moim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api.Reply;

/** Chat through the public API and real sockets: workspaces with members, channels, frames. */
public final class Chat {

    private Chat() {
    }

    /** A workspace of {@code owner} and the other people, who joined as MEMBERs (invited, then accepting). */
    public static String workspace(URL base, SignedIn owner, SignedIn... members) {
        Api api = new Api(base);
        Reply created = api.post("/api/v1/workspaces", json("name", "Chat " + UUID.randomUUID().toString().substring(0, 6)),
                owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String workspace = created.json().getString("id");
        for (SignedIn member : members) {
            join(base, owner, workspace, member, "MEMBER");
        }
        return workspace;
    }

    public static void join(URL base, SignedIn owner, String workspace, SignedIn member, String role) {
        Api api = new Api(base);
        Reply invited = api.post("/api/v1/workspaces/" + workspace + "/invitations", json("email", member.email(), "role", role),
                owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isIn(200, 201);
        Reply accepted = api.post("/api/v1/me/invitations/" + invited.json().getString("id") + "/accept", json(), member.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    /** The direct channel of {@code who} and the others. */
    public static String direct(URL base, String workspace, SignedIn who, SignedIn... others) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (SignedIn other : others) {
            ids.add(other.id());
        }
        Reply opened = new Api(base).post("/api/v1/workspaces/" + workspace + "/channels/direct",
                Json.createObjectBuilder().add("accountIds", ids).build(), who.accessToken());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return opened.json().getString("id");
    }

    /** An open, authenticated socket (its hello already read). */
    public static WsClient connect(URL base, SignedIn who) throws InterruptedException {
        Reply ticket = new Api(base).post("/api/v1/realtime/tickets", json(), who.accessToken());
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        WsClient socket = WsClient.connect(base, "ticket=" + ticket.json().getString("ticket"));
        assertThat(socket.next().getString("type")).isEqualTo("hello");
        return socket;
    }

    /** Sends a frame made of names and values (strings, numbers, booleans, nulls or JSON values). */
    public static void frame(WsClient socket, Object... namesAndValues) {
        JsonObjectBuilder frame = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (namesAndValues[i + 1] instanceof jakarta.json.JsonValue value) {
                frame.add(name, value);
            } else {
                frame.addAll(Json.createObjectBuilder(json(name, namesAndValues[i + 1])));
            }
        }
        socket.send(frame.build().toString());
    }

    /**
     * Everything the socket received before a message it posts now comes back to it: frames
     * published through the cluster earlier reach every subscriber before that message.
     */
    public static List<JsonObject> barrier(WsClient socket, String channel) throws InterruptedException {
        long sequence = send(socket, channel, "barrier", null).getJsonNumber("sequence").longValue();
        List<JsonObject> before = new java.util.ArrayList<>();
        while (true) {
            JsonObject frame = socket.next();
            if ("message".equals(frame.getString("type", null)) && frame.getJsonNumber("sequence").longValue() == sequence) {
                return before;
            }
            before.add(frame);
        }
    }

    /** Subscribes and answers the ack (replayed messages follow it). */
    public static JsonObject subscribe(WsClient socket, String channel, Long after) throws InterruptedException {
        String id = "sub-" + UUID.randomUUID();
        frame(socket, "type", "subscribe", "id", id, "channelId", channel, "after", after);
        return reply(socket, id);
    }

    /** Sends a message and answers the ack. */
    public static JsonObject send(WsClient socket, String channel, String text, String key) throws InterruptedException {
        String id = "send-" + UUID.randomUUID();
        frame(socket, "type", "send", "id", id, "channelId", channel, "text", text, "idempotencyKey", key);
        JsonObject ack = reply(socket, id);
        assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
        return ack;
    }

    /** The ack or error that replies to the frame with this id (skipping anything else). */
    public static JsonObject reply(WsClient socket, String id) throws InterruptedException {
        return socket.next(f -> id.equals(f.getString("replyTo", null)));
    }

    /** The sequences of the message frames among these frames, in order. */
    public static List<Long> sequences(List<JsonObject> frames) {
        return frames.stream().filter(f -> "message".equals(f.getString("type", null)))
                .map(f -> f.getJsonNumber("sequence").longValue()).toList();
    }

    /** The next {@code count} message frames (skipping other frames). */
    public static List<JsonObject> messages(WsClient socket, int count) throws InterruptedException {
        List<JsonObject> messages = new java.util.ArrayList<>();
        while (messages.size() < count) {
            messages.add(socket.next("message"));
        }
        return messages;
    }
}
