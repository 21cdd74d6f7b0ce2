package org.moim.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Chat.connect;
import static org.moim.it.Chat.direct;
import static org.moim.it.Chat.frame;
import static org.moim.it.Chat.messages;
import static org.moim.it.Chat.reply;
import static org.moim.it.Chat.send;
import static org.moim.it.Chat.subscribe;
import static org.moim.it.Chat.workspace;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;
import org.moim.it.WsClient;

/**
 * One shape for a message, whichever way it travels: the {@code message} frame carries, as
 * {@code message}, exactly what {@code GET /api/v1/channels/{id}/messages} answers for the same
 * message, member by member (docs/realtime-protocol.md), live and replayed; the frames about a
 * message ({@code edited}, {@code deleted}) use the REST representation's names and values.
 */
@ExtendWith(ArquillianExtension.class)
class MessageShapeIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private SignedIn user(String name) {
        return Accounts.signUp(new Api(base), name);
    }

    /** The channel's messages as the REST API answers them, in sequence order. */
    private List<JsonObject> history(String channel, SignedIn who) {
        Reply page = new Api(base).get("/api/v1/channels/" + channel + "/messages?after=0&limit=100", who.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Member by member, both ways: every member of one is in the other with the same JSON value. */
    private static void sameMessage(JsonObject overSocket, JsonObject overRest) {
        Set<String> members = new TreeSet<>(overRest.keySet());
        members.addAll(overSocket.keySet());
        for (String member : members) {
            assertThat(overSocket.get(member)).as("'%s' over the socket (REST: %s)", member, overRest).isEqualTo(overRest.get(member));
        }
    }

    /** The message a frame carries, after checking its envelope names the same channel and sequence. */
    private static JsonObject carried(JsonObject frame) {
        assertThat(frame.getString("type")).isEqualTo("message");
        JsonObject message = frame.getJsonObject("message");
        assertThat(frame.getString("channelId")).isEqualTo(message.getString("channelId"));
        assertThat(frame.getJsonNumber("sequence")).isEqualTo(message.getJsonNumber("sequence"));
        return message;
    }

    @Test
    void aMessageReceivedLiveIsTheMessageReadOverRest() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann, ben);
        String channel = direct(base, workspace, ann, ben);
        WsClient benSocket = connect(base, ben);
        subscribe(benSocket, channel, null);
        WsClient annSocket = connect(base, ann);

        String first = send(annSocket, channel, "the plan", null).getString("messageId");
        Reply upload = new Api(base).request("PUT", "/api/v1/workspaces/" + workspace + "/files?name=plan.txt&target=channel:" + channel)
                .bearer(ann.accessToken()).body("text/plain", "the plan".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        // A reply in the thread, mentioning Ben, with a file: every optional member has a value.
        frame(annSocket, "type", "send", "id", "reply", "channelId", channel, "text", "@Ben see the file", "parentId", first,
                "mentions", Json.createArrayBuilder().add(ben.id()).build(),
                "attachments", Json.createArrayBuilder().add(upload.json().getString("id")).build());
        assertThat(reply(annSocket, "reply").getString("type")).isEqualTo("ack");

        List<JsonObject> live = messages(benSocket, 2);
        List<JsonObject> stored = history(channel, ben);
        assertThat(stored).hasSize(2);
        sameMessage(carried(live.get(0)), stored.get(0));
        JsonObject threaded = carried(live.get(1));
        sameMessage(threaded, stored.get(1));
        assertThat(threaded.getString("id")).isEqualTo(stored.get(1).getString("id"));
        assertThat(threaded.getString("parentId")).isEqualTo(first);
        assertThat(threaded.getJsonArray("mentions").getString(0)).isEqualTo(ben.id());
        assertThat(threaded.getJsonArray("attachments")).hasSize(1);
        assertThat(threaded.getJsonArray("reactions")).isEmpty();
        assertThat(threaded.isNull("editedAt")).isTrue();
    }

    @Test
    void aReplayedMessageWithReactionsEditsAndDeletionsIsTheMessageReadOverRest() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String channel = direct(base, workspace(base, ann, ben), ann, ben);
        WsClient annSocket = connect(base, ann);
        WsClient benSocket = connect(base, ben);
        subscribe(benSocket, channel, null);
        String kept = send(annSocket, channel, "first draft", null).getString("messageId");
        String gone = send(annSocket, channel, "a typo", null).getString("messageId");
        messages(benSocket, 2);

        frame(annSocket, "type", "edit", "id", "e", "messageId", kept, "text", "final text");
        assertThat(reply(annSocket, "e").getString("type")).isEqualTo("ack");
        JsonObject edited = benSocket.next("edited");
        for (String reaction : List.of("👍", "🎉")) {
            frame(benSocket, "type", "react", "id", "r" + reaction, "messageId", kept, "emoji", reaction);
            assertThat(reply(benSocket, "r" + reaction).getString("type")).isEqualTo("ack");
        }
        frame(annSocket, "type", "react", "id", "r", "messageId", kept, "emoji", "👍");
        assertThat(reply(annSocket, "r").getString("type")).isEqualTo("ack");
        frame(annSocket, "type", "delete", "id", "d", "messageId", gone);
        assertThat(reply(annSocket, "d").getString("type")).isEqualTo("ack");
        JsonObject deleted = benSocket.next("deleted");

        List<JsonObject> stored = history(channel, ben);
        JsonObject keptOverRest = stored.get(0);
        JsonObject goneOverRest = stored.get(1);
        assertThat(edited.getString("messageId")).isEqualTo(keptOverRest.getString("id"));
        for (String member : List.of("text", "mentions", "editedAt", "version")) {
            assertThat(edited.get(member)).as("'%s' of the edited frame", member).isEqualTo(keptOverRest.get(member));
        }
        assertThat(deleted.getString("messageId")).isEqualTo(goneOverRest.getString("id"));
        assertThat(deleted.get("version")).isEqualTo(goneOverRest.get("version"));

        // A tab that comes back is handed both again, as they are now: reactions, edit and tombstone.
        WsClient back = connect(base, ben);
        subscribe(back, channel, 0L);
        List<JsonObject> replayed = messages(back, 2);
        sameMessage(carried(replayed.get(0)), keptOverRest);
        sameMessage(carried(replayed.get(1)), goneOverRest);
        assertThat(carried(replayed.get(0)).getJsonArray("reactions")).isEqualTo(Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("emoji", "👍").add("accountIds", Json.createArrayBuilder().add(ben.id()).add(ann.id())))
                .add(Json.createObjectBuilder().add("emoji", "🎉").add("accountIds", Json.createArrayBuilder().add(ben.id())))
                .build());
        assertThat(carried(replayed.get(1)).getBoolean("deleted")).isTrue();
        assertThat(carried(replayed.get(1)).isNull("text")).isTrue();
    }
}
