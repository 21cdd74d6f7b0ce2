package org.moim.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;
import static org.moim.it.Chat.barrier;
import static org.moim.it.Chat.connect;
import static org.moim.it.Chat.direct;
import static org.moim.it.Chat.frame;
import static org.moim.it.Chat.messages;
import static org.moim.it.Chat.reply;
import static org.moim.it.Chat.send;
import static org.moim.it.Chat.sequences;
import static org.moim.it.Chat.subscribe;
import static org.moim.it.Chat.workspace;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
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

/** Chat with real WebSocket clients against a running server: order, exactly once, replay, access. */
@ExtendWith(ArquillianExtension.class)
class ChatIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private SignedIn user(String name) {
        return Accounts.signUp(new Api(base), name);
    }

    private Reply get(String path, SignedIn who) {
        return new Api(base).get(path, who.accessToken());
    }

    /** Uploads a small text file, attached to {@code target} ({@code kind:id}) or to nothing (null). */
    private Reply upload(String workspace, SignedIn who, String name, String content, String target) {
        String query = "?name=" + name + (target == null ? "" : "&target=" + target);
        return new Api(base).request("PUT", "/api/v1/workspaces/" + workspace + "/files" + query).bearer(who.accessToken())
                .body("text/plain", content.getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
    }

    private String uploaded(String workspace, SignedIn who, String name, String content, String target) {
        Reply created = upload(workspace, who, name, content, target);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    /** Sends a message with these files and answers the reply (an ack or an error). */
    private static JsonObject sendFiles(WsClient socket, String channel, String text, String... fileIds) throws InterruptedException {
        String id = "send-" + java.util.UUID.randomUUID();
        jakarta.json.JsonArrayBuilder files = jakarta.json.Json.createArrayBuilder();
        for (String fileId : fileIds) {
            files.add(fileId);
        }
        frame(socket, "type", "send", "id", id, "channelId", channel, "text", text, "attachments", files.build());
        return reply(socket, id);
    }

    private static List<String> ids(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    /** One channel of a channel list (the list also holds the workspace's general channel). */
    private static JsonObject byId(Reply list, String channelId) {
        return list.items().getValuesAs(JsonObject.class).stream().filter(c -> channelId.equals(c.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(channelId + " not in " + list));
    }

    private static int statements(Reply reply) {
        return Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow());
    }

    @Test
    void messagesFromConcurrentSendersArriveOnceInSequenceOrder() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann, ben);
        String channel = direct(base, workspace, ann, ben);
        WsClient reader = connect(base, ben);
        assertThat(subscribe(reader, channel, null).getJsonNumber("lastSequence").longValue()).isZero();

        WsClient first = connect(base, ann);
        WsClient second = connect(base, ben);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<List<Long>>> senders = new ArrayList<>();
        for (WsClient sender : List.of(first, second)) {
            senders.add(() -> {
                List<Long> acked = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    acked.add(send(sender, channel, "hello " + i, null).getJsonNumber("sequence").longValue());
                }
                return acked;
            });
        }
        Set<Long> acked = new HashSet<>();
        for (Future<List<Long>> result : pool.invokeAll(senders)) {
            acked.addAll(result.get());
        }
        pool.shutdown();

        assertThat(acked).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
        List<JsonObject> received = messages(reader, 30);
        assertThat(sequences(received)).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
        assertThat(received).allSatisfy(m -> {
            assertThat(m.getInt("v")).isEqualTo(1);
            assertThat(m.getString("channelId")).isEqualTo(channel);
        });
        assertThat(sequences(reader.drain())).isEmpty();
    }

    /**
     * Sends that do not wait for their acks pile up in the send queue and are stored in batches;
     * an outsider's sends to the same channel at the same time make batches fail, whose sends are
     * then stored one by one: every member's send is acked once, in the order it was sent, the
     * channel's numbers stay dense, and only the outsider hears "not found".
     */
    @Test
    void pipelinedSendsAreStoredInOrderAndARefusedOneSpoilsNoOtherSend() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn eve = user("Eve");
        String channel = direct(base, workspace(base, ann, ben), ann, ben);
        WsClient reader = connect(base, ben);
        subscribe(reader, channel, null);
        WsClient first = connect(base, ann);
        WsClient second = connect(base, ben);
        WsClient intruder = connect(base, eve);

        int perSender = 40;
        for (int i = 0; i < perSender; i++) {
            frame(first, "type", "send", "id", "a-" + i, "channelId", channel, "text", "from Ann " + i, "idempotencyKey", "a-" + i);
            frame(second, "type", "send", "id", "b-" + i, "channelId", channel, "text", "from Ben " + i, "idempotencyKey", "b-" + i);
            if (i % 4 == 0) {
                frame(intruder, "type", "send", "id", "e-" + i, "channelId", channel, "text", "let me in");
            }
            if (i == 20) {
                // The same key again while the first may still wait in the queue: stored once.
                frame(first, "type", "send", "id", "a-again", "channelId", channel, "text", "from Ann 5", "idempotencyKey", "a-5");
            }
        }

        Set<Long> numbers = new HashSet<>();
        long annsFifth = 0;
        for (WsClient sender : List.of(first, second)) {
            String prefix = sender == first ? "a-" : "b-";
            long previous = 0;
            for (int i = 0; i < perSender; i++) {
                JsonObject ack = reply(sender, prefix + i);
                assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
                assertThat(ack.getBoolean("repeated")).isFalse();
                long sequence = ack.getJsonNumber("sequence").longValue();
                assertThat(sequence).as("a sender's messages keep their order").isGreaterThan(previous);
                previous = sequence;
                numbers.add(sequence);
                if (sender == first && i == 5) {
                    annsFifth = sequence;
                }
            }
        }
        JsonObject again = reply(first, "a-again");
        assertThat(again.getBoolean("repeated")).isTrue();
        assertThat(again.getJsonNumber("sequence").longValue()).isEqualTo(annsFifth);
        for (int i = 0; i < perSender; i += 4) {
            JsonObject refused = reply(intruder, "e-" + i);
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getJsonObject("problem").getString("type")).isEqualTo("/problems/not-found");
        }

        List<Long> all = LongStream.rangeClosed(1, 2L * perSender).boxed().toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(all);
        assertThat(sequences(messages(reader, 2 * perSender))).containsExactlyElementsOf(all);
        assertThat(sequences(reader.drain())).isEmpty();
        assertThat(sequences(intruder.drain())).isEmpty();
        Reply history = get("/api/v1/channels/" + channel + "/messages?limit=100", ben);
        assertThat(history.json().getJsonArray("items")).hasSize(2 * perSender);
    }

    @Test
    void aRetriedSendWithTheSameKeyIsStoredAndDeliveredOnce() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String channel = direct(base, workspace(base, ann, ben), ann, ben);
        WsClient reader = connect(base, ben);
        subscribe(reader, channel, null);
        WsClient sender = connect(base, ann);

        JsonObject first = send(sender, channel, "only once", "key-1");
        JsonObject retried = send(sender, channel, "only once", "key-1");
        JsonObject other = send(sender, channel, "another", "key-2");

        assertThat(first.getBoolean("repeated")).isFalse();
        assertThat(retried.getBoolean("repeated")).isTrue();
        assertThat(retried.getString("messageId")).isEqualTo(first.getString("messageId"));
        assertThat(retried.getJsonNumber("sequence").longValue()).isEqualTo(1);
        assertThat(other.getJsonNumber("sequence").longValue()).isEqualTo(2);
        List<JsonObject> delivered = messages(reader, 2);
        assertThat(sequences(delivered)).containsExactly(1L, 2L);
        assertThat(sequences(reader.drain())).isEmpty();
        Reply history = get("/api/v1/channels/" + channel + "/messages", ben);
        assertThat(history.json().getJsonArray("items")).hasSize(2);
    }

    @Test
    void aReconnectingClientGetsWhatItMissedWithoutGapOrRepeat() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String channel = direct(base, workspace(base, ann, ben), ann, ben);
        WsClient sender = connect(base, ann);
        WsClient reader = connect(base, ben);
        subscribe(reader, channel, null);
        for (int i = 1; i <= 5; i++) {
            send(sender, channel, "before " + i, null);
        }
        assertThat(sequences(messages(reader, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);
        reader.close();

        for (int i = 6; i <= 10; i++) {
            send(sender, channel, "while away " + i, null);
        }
        WsClient back = connect(base, ben);
        JsonObject ack = subscribe(back, channel, 5L);
        assertThat(ack.getJsonNumber("lastSequence").longValue()).isEqualTo(10);
        assertThat(ack.getInt("replayed")).isEqualTo(5);
        List<JsonObject> replayed = messages(back, 5);
        assertThat(sequences(replayed)).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(replayed.get(0).getJsonObject("message").getString("text")).isEqualTo("while away 6");

        send(sender, channel, "live", null);
        assertThat(sequences(messages(back, 1))).containsExactly(11L);
        assertThat(sequences(back.drain())).isEmpty();
    }

    @Test
    void outsidersGetErrorFramesAndNothingElse() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn eve = user("Eve");
        String workspace = workspace(base, ann, ben);
        String channel = direct(base, workspace, ann, ben);
        WsClient intruder = connect(base, eve);

        frame(intruder, "type", "subscribe", "id", "s-1", "channelId", channel);
        JsonObject refused = reply(intruder, "s-1");
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getJsonObject("problem").getString("type")).isEqualTo("/problems/not-found");
        assertThat(refused.getJsonObject("problem").getInt("status")).isEqualTo(404);

        frame(intruder, "type", "send", "id", "s-2", "channelId", channel, "text", "let me in");
        assertThat(reply(intruder, "s-2").getJsonObject("problem").getString("type")).isEqualTo("/problems/not-found");
        frame(intruder, "type", "typing", "id", "s-3", "channelId", channel);
        assertThat(reply(intruder, "s-3").getJsonObject("problem").getString("type")).isEqualTo("/problems/not-subscribed");
        frame(intruder, "type", "send", "id", "s-4", "text", "no channel");
        assertThat(reply(intruder, "s-4").getJsonObject("problem").getString("type")).isEqualTo("/problems/validation");

        WsClient sender = connect(base, ann);
        send(sender, channel, "private", null);
        assertThat(sequences(intruder.drain())).isEmpty();
        assertThat(get("/api/v1/channels/" + channel + "/messages", eve).status()).isEqualTo(404);
        assertThat(get("/api/v1/channels/" + channel, eve).status()).isEqualTo(404);
        assertThat(get("/api/v1/workspaces/" + workspace + "/channels", eve).status()).isEqualTo(404);
    }

    @Test
    void someoneRemovedFromTheWorkspaceIsUnsubscribedAtOnceAndHearsNothingMore() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String channel = direct(base, workspace, ann, ben, cid);
        WsClient removed = connect(base, ben);
        WsClient staying = connect(base, cid);
        subscribe(removed, channel, null);
        subscribe(staying, channel, null);
        frame(removed, "type", "subscribe", "id", "p-1", "workspaceId", workspace);
        assertThat(reply(removed, "p-1").getString("type")).isEqualTo("ack");

        Reply removal = new Api(base).delete("/api/v1/workspaces/" + workspace + "/members/" + ben.id(), ann.accessToken());
        assertThat(removal.status()).as(removal.toString()).isEqualTo(204);

        Set<String> ended = new HashSet<>();
        while (ended.size() < 2) {
            JsonObject frame = removed.next("unsubscribed");
            assertThat(frame.getString("reason")).isEqualTo("access-revoked");
            ended.add(frame.containsKey("channelId") ? frame.getString("channelId") : frame.getString("workspaceId"));
        }
        assertThat(ended).containsExactlyInAnyOrder(channel, workspace);

        WsClient sender = connect(base, ann);
        send(sender, channel, "after the removal", null);
        assertThat(sequences(messages(staying, 1))).containsExactly(1L);
        assertThat(sequences(removed.drain())).isEmpty();

        frame(removed, "type", "subscribe", "id", "again", "channelId", channel);
        assertThat(reply(removed, "again").getJsonObject("problem").getInt("status")).isEqualTo(404);
    }

    @Test
    void onlyTheSenderEditsAndDeletesInADirectConversation() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String channel = direct(base, workspace(base, ann, ben), ann, ben);
        WsClient annSocket = connect(base, ann);
        WsClient benSocket = connect(base, ben);
        subscribe(benSocket, channel, null);
        String message = send(annSocket, channel, "first draft", null).getString("messageId");
        messages(benSocket, 1);

        frame(benSocket, "type", "edit", "id", "e-1", "messageId", message, "text", "hijacked");
        assertThat(reply(benSocket, "e-1").getJsonObject("problem").getInt("status")).isEqualTo(403);
        frame(benSocket, "type", "delete", "id", "d-1", "messageId", message);
        assertThat(reply(benSocket, "d-1").getJsonObject("problem").getInt("status")).isEqualTo(403);

        frame(annSocket, "type", "edit", "id", "e-2", "messageId", message, "text", "final text");
        assertThat(reply(annSocket, "e-2").getString("type")).isEqualTo("ack");
        JsonObject edited = benSocket.next("edited");
        assertThat(edited.getString("text")).isEqualTo("final text");
        assertThat(edited.getJsonNumber("sequence").longValue()).isEqualTo(1);

        frame(benSocket, "type", "react", "id", "r-1", "messageId", message, "emoji", "👍");
        assertThat(reply(benSocket, "r-1").getString("type")).isEqualTo("ack");
        JsonObject reaction = benSocket.next("reaction");
        assertThat(reaction.getString("emoji")).isEqualTo("👍");
        assertThat(reaction.getBoolean("added")).isTrue();
        frame(benSocket, "type", "react", "id", "r-2", "messageId", message, "emoji", "😂");
        reply(benSocket, "r-2");

        JsonObject view = get("/api/v1/channels/" + channel + "/messages", ben).json().getJsonArray("items").getJsonObject(0);
        assertThat(view.getString("text")).isEqualTo("final text");
        assertThat(view.getJsonArray("reactions")).hasSize(2);

        frame(annSocket, "type", "delete", "id", "d-2", "messageId", message);
        assertThat(reply(annSocket, "d-2").getString("type")).isEqualTo("ack");
        assertThat(benSocket.next("deleted").getString("messageId")).isEqualTo(message);
        JsonObject tombstone = get("/api/v1/channels/" + channel + "/messages", ben).json().getJsonArray("items").getJsonObject(0);
        assertThat(tombstone.getBoolean("deleted")).isTrue();
        assertThat(tombstone.isNull("text")).isTrue();
        frame(annSocket, "type", "edit", "id", "e-3", "messageId", message, "text", "resurrect");
        assertThat(reply(annSocket, "e-3").getJsonObject("problem").getInt("status")).isEqualTo(404);
    }

    @Test
    void historyPagesBySequenceInAConstantNumberOfStatements() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann, ben);
        String channel = direct(base, workspace, ann, ben);
        WsClient socket = connect(base, ann);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            if (i % 5 == 0) {
                String file = uploaded(workspace, ann, "note-" + i + ".txt", "note " + i, "channel:" + channel);
                JsonObject ack = sendFiles(socket, channel, "message " + i, file);
                assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
                ids.add(ack.getString("messageId"));
            } else {
                ids.add(send(socket, channel, "message " + i, null).getString("messageId"));
            }
        }
        for (int i = 0; i < 30; i += 3) {
            frame(socket, "type", "react", "id", "r" + i, "messageId", ids.get(i), "emoji", "+" + i);
            reply(socket, "r" + i);
        }

        Reply latest = get("/api/v1/channels/" + channel + "/messages?limit=10", ben);
        assertThat(seq(latest)).containsExactlyElementsOf(LongStream.rangeClosed(21, 30).boxed().toList());
        assertThat(latest.json().getBoolean("more")).isTrue();
        Reply older = get("/api/v1/channels/" + channel + "/messages?limit=10&before=21", ben);
        assertThat(seq(older)).containsExactlyElementsOf(LongStream.rangeClosed(11, 20).boxed().toList());
        Reply newer = get("/api/v1/channels/" + channel + "/messages?after=25", ben);
        assertThat(seq(newer)).containsExactly(26L, 27L, 28L, 29L, 30L);
        assertThat(newer.json().getBoolean("more")).isFalse();
        Reply all = get("/api/v1/channels/" + channel + "/messages?limit=200", ben);
        assertThat(seq(all)).hasSize(30);

        assertThat(all.json().getJsonArray("items").getJsonObject(4).getJsonArray("attachments")).hasSize(1);
        assertThat(all.json().getJsonArray("items").getJsonObject(5).getJsonArray("attachments")).isEmpty();

        // The access check (channel, membership), the plan's history window (subscription, plan),
        // the messages, their reactions, their files: the same for 10 messages or 30.
        assertThat(statements(all)).isEqualTo(statements(latest)).isLessThanOrEqualTo(7);
        assertThat(get("/api/v1/channels/" + channel + "/messages?before=3&after=1", ben).status()).isEqualTo(400);
        assertThat(get("/api/v1/channels/" + channel + "/messages?limit=0", ben).status()).isEqualTo(400);
    }

    @Test
    void filesSentInAConversationReachItsMembersAndNobodyElse() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String channel = direct(base, workspace, ann, ben);
        WsClient benSocket = connect(base, ben);
        subscribe(benSocket, channel, null);
        String inChannel = uploaded(workspace, ann, "plan.txt", "the plan", "channel:" + channel);
        String loose = uploaded(workspace, ann, "notes.txt", "loose notes", null);
        assertThat(upload(workspace, cid, "intruder.txt", "x", "channel:" + channel).status())
                .as("uploading into a conversation one is not in").isEqualTo(404);

        WsClient annSocket = connect(base, ann);
        JsonObject ack = sendFiles(annSocket, channel, "have a look", inChannel, loose);
        assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
        String messageId = ack.getString("messageId");

        JsonObject received = benSocket.next("message").getJsonObject("message");
        assertThat(received.getString("id")).isEqualTo(messageId);
        jakarta.json.JsonArray attachments = received.getJsonArray("attachments");
        assertThat(ids(attachments)).containsExactly(inChannel, loose);
        JsonObject first = attachments.getJsonObject(0);
        assertThat(first.getString("name")).isEqualTo("plan.txt");
        assertThat(first.getString("contentType")).startsWith("text/plain");
        assertThat(first.getJsonNumber("size").longValue()).isEqualTo("the plan".length());
        assertThat(first.getString("thumbnail")).isEqualTo("none");
        Reply download = get(first.getString("contentUrl"), ben);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("the plan");
        assertThat(get("/api/v1/files/" + loose + "/content", ben).body()).isEqualTo("loose notes");
        JsonObject moved = get("/api/v1/files/" + loose, ann).json();
        assertThat(moved.getJsonObject("target").getString("kind")).isEqualTo("message");
        assertThat(moved.getJsonObject("target").getString("id")).isEqualTo(messageId);
        JsonObject page = get("/api/v1/channels/" + channel + "/messages", ben).json().getJsonArray("items").getJsonObject(0);
        assertThat(ids(page.getJsonArray("attachments"))).containsExactly(inChannel, loose);
        Reply channelFiles = get("/api/v1/workspaces/" + workspace + "/files?target=channel:" + channel, ben);
        assertThat(ids(channelFiles.json().getJsonArray("items"))).containsExactlyInAnyOrder(inChannel, loose);
        assertThat(ids(get("/api/v1/workspaces/" + workspace + "/files?target=message:" + messageId, ben).json()
                .getJsonArray("items"))).containsExactlyInAnyOrder(inChannel, loose);

        for (String file : List.of(inChannel, loose)) {
            assertThat(get("/api/v1/files/" + file + "/content", cid).status()).as("not in the conversation").isEqualTo(404);
            assertThat(get("/api/v1/files/" + file, cid).status()).isEqualTo(404);
        }
        assertThat(ids(get("/api/v1/workspaces/" + workspace + "/files", cid).json().getJsonArray("items")))
                .doesNotContain(inChannel, loose);
        assertThat(get("/api/v1/workspaces/" + workspace + "/files?target=channel:" + channel, cid).status()).isEqualTo(404);
        assertThat(get("/api/v1/workspaces/" + workspace + "/files?target=message:" + messageId, cid).status()).isEqualTo(404);

        frame(annSocket, "type", "delete", "id", "d-1", "messageId", messageId);
        assertThat(reply(annSocket, "d-1").getString("type")).isEqualTo("ack");
        JsonObject tombstone = get("/api/v1/channels/" + channel + "/messages", ben).json().getJsonArray("items").getJsonObject(0);
        assertThat(tombstone.getJsonArray("attachments")).as("a deleted message shows no files").isEmpty();
        assertThat(get("/api/v1/files/" + inChannel + "/content", ben).status()).as("they stay with the channel").isEqualTo(200);
        assertThat(get("/api/v1/files/" + inChannel + "/content", cid).status()).isEqualTo(404);
    }

    @Test
    void refusedAttachmentsStoreNoMessage() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String channel = direct(base, workspace, ann, ben);
        String elsewhere = direct(base, workspace, ann, cid);
        String hidden = direct(base, workspace, ben, cid);
        String bens = uploaded(workspace, ben, "bens.txt", "Ben's", "channel:" + channel);
        String otherChannel = uploaded(workspace, ann, "other.txt", "for Cid", "channel:" + elsewhere);
        String unseen = uploaded(workspace, cid, "secret.txt", "between Ben and Cid", "channel:" + hidden);
        String mine = uploaded(workspace, ann, "mine.txt", "mine", null);
        WsClient socket = connect(base, ann);

        assertProblem(sendFiles(socket, channel, "not mine", bens), 400, "/problems/validation");
        assertProblem(sendFiles(socket, channel, "wrong channel", otherChannel), 400, "/problems/validation");
        assertProblem(sendFiles(socket, channel, "cannot see", unseen), 404, "/problems/not-found");
        assertProblem(sendFiles(socket, channel, "no such file", java.util.UUID.randomUUID().toString()), 404, "/problems/not-found");
        assertProblem(sendFiles(socket, channel, "with a bad one", mine, bens), 400, "/problems/validation");
        assertProblem(sendFiles(socket, channel, "twice", mine, mine), 400, "/problems/validation");
        String[] tooMany = LongStream.rangeClosed(0, 10).mapToObj(i -> mine).toArray(String[]::new);
        assertProblem(sendFiles(socket, channel, "too many", tooMany), 400, "/problems/validation");

        assertThat(get("/api/v1/channels/" + channel + "/messages", ann).json().getJsonArray("items")).as("nothing stored").isEmpty();
        assertThat(get("/api/v1/files/" + mine, ann).json().containsKey("target")).as("the good file stayed loose").isFalse();
        assertThat(get("/api/v1/files/" + otherChannel, ann).json().getJsonObject("target").getString("id")).isEqualTo(elsewhere);

        JsonObject sent = sendFiles(socket, channel, "now right", mine);
        assertThat(sent.getString("type")).as(sent.toString()).isEqualTo("ack");
        assertThat(sent.getJsonNumber("sequence").longValue()).as("no number was used by the refused ones").isEqualTo(1);
        assertProblem(sendFiles(socket, channel, "again", mine), 400, "/problems/validation");
    }

    private static void assertProblem(JsonObject reply, int status, String type) {
        assertThat(reply.getString("type")).as(reply.toString()).isEqualTo("error");
        assertThat(reply.getJsonObject("problem").getInt("status")).as(reply.toString()).isEqualTo(status);
        assertThat(reply.getJsonObject("problem").getString("type")).isEqualTo(type);
    }

    @Test
    void readMarkersKeepUnreadCountsRightAcrossTabs() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann, ben);
        String channel = direct(base, workspace, ann, ben);
        WsClient sender = connect(base, ann);
        for (int i = 1; i <= 4; i++) {
            send(sender, channel, "unread " + i, null);
        }
        WsClient tab1 = connect(base, ben);
        WsClient tab2 = connect(base, ben);

        Reply listed = get("/api/v1/workspaces/" + workspace + "/channels", ben);
        JsonObject view = byId(listed, channel);
        assertThat(view.getJsonNumber("unread").longValue()).isEqualTo(4);
        assertThat(view.getJsonNumber("lastSequence").longValue()).isEqualTo(4);
        assertThat(byId(get("/api/v1/workspaces/" + workspace + "/channels", ann), channel)
                .getJsonNumber("unread").longValue()).as("one's own messages are never unread").isZero();

        frame(tab1, "type", "read", "id", "r-1", "channelId", channel, "sequence", 3);
        JsonObject ack = reply(tab1, "r-1");
        assertThat(ack.getJsonNumber("unread").longValue()).isEqualTo(1);
        JsonObject elsewhere = tab2.next("read");
        assertThat(elsewhere.getString("channelId")).isEqualTo(channel);
        assertThat(elsewhere.getJsonNumber("sequence").longValue()).isEqualTo(3);
        assertThat(elsewhere.getJsonNumber("unread").longValue()).isEqualTo(1);

        Reply backwards = new Api(base).request("PUT", "/api/v1/channels/" + channel + "/read").bearer(ben.accessToken())
                .json(json("sequence", 1)).send();
        assertThat(backwards.json().getJsonNumber("sequence").longValue()).as("markers only move forward").isEqualTo(3);
        Reply all = new Api(base).request("PUT", "/api/v1/channels/" + channel + "/read").bearer(ben.accessToken())
                .json(json("sequence", 99)).send();
        assertThat(all.json().getJsonNumber("sequence").longValue()).isEqualTo(4);
        assertThat(all.json().getJsonNumber("unread").longValue()).isZero();
        assertThat(get("/api/v1/channels/" + channel, ben).json().getJsonNumber("unread").longValue()).isZero();
    }

    @Test
    void theChannelListCostsTheSameStatementsForOneChannelOrMany() {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String first = direct(base, workspace, ann, ben);
        Reply one = get("/api/v1/workspaces/" + workspace + "/channels", ann);
        direct(base, workspace, ann, cid);
        direct(base, workspace, ann, ben, cid);
        Reply three = get("/api/v1/workspaces/" + workspace + "/channels", ann);
        assertThat(three.items()).as("three direct channels and the workspace's general channel").hasSize(4);
        assertThat(statements(three)).isEqualTo(statements(one));
        assertThat(direct(base, workspace, ben, ann)).as("the same people, the same channel")
                .isEqualTo(byId(one, first).getString("id"));
    }

    @Test
    void searchFindsMessagesOnlyInChannelsTheCallerReads() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String annBen = direct(base, workspace, ann, ben);
        String annCid = direct(base, workspace, ann, cid);
        WsClient socket = connect(base, ann);
        send(socket, annBen, "The Launch is on Monday", null);
        send(socket, annCid, "secret launch plans", null);
        send(socket, annBen, "100% sure_ok", null);

        Reply ben1 = get("/api/v1/workspaces/" + workspace + "/messages?q=LAUNCH", ben);
        assertThat(ben1.status()).as(ben1.toString()).isEqualTo(200);
        assertThat(ben1.json().getJsonArray("items")).hasSize(1);
        assertThat(ben1.json().getJsonArray("items").getJsonObject(0).getString("text")).isEqualTo("The Launch is on Monday");
        assertThat(get("/api/v1/workspaces/" + workspace + "/messages?q=launch", ann).json().getJsonArray("items")).hasSize(2);
        assertThat(get("/api/v1/workspaces/" + workspace + "/messages?q=%25", ann).status()).isEqualTo(400);
        assertThat(get("/api/v1/workspaces/" + workspace + "/messages?q=0%25", ann).json().getJsonArray("items")).hasSize(1);
        assertThat(get("/api/v1/workspaces/" + workspace + "/messages?q=s_r", ann).json().getJsonArray("items")).isEmpty();
    }

    @Test
    void presenceCountsEveryTabAndTypingReachesOthersOnly() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = workspace(base, ann, ben);
        String channel = direct(base, workspace, ann, ben);
        WsClient watcher = connect(base, ann);
        subscribe(watcher, channel, null);
        frame(watcher, "type", "subscribe", "id", "p", "workspaceId", workspace);
        reply(watcher, "p");
        JsonObject snapshot = watcher.next("presence");
        assertThat(snapshot.getJsonObject("accounts").getString(ben.id())).isEqualTo("offline");
        assertThat(snapshot.getJsonObject("accounts").getString(ann.id())).isEqualTo("online");

        WsClient tab1 = connect(base, ben);
        assertThat(presenceOf(watcher, ben)).isEqualTo("online");
        WsClient tab2 = connect(base, ben);
        frame(tab1, "type", "presence", "status", "away");
        tab1.drain();
        assertThat(presenceFrames(barrier(watcher, channel), ben)).as("a second tab, one still in use").isEmpty();
        frame(tab2, "type", "presence", "status", "away");
        assertThat(presenceOf(watcher, ben)).isEqualTo("away");
        frame(tab2, "type", "presence", "status", "online");
        assertThat(presenceOf(watcher, ben)).isEqualTo("online");
        tab1.close();
        assertThat(tab1.closeCode()).isEqualTo(1000);
        assertThat(presenceFrames(barrier(watcher, channel), ben)).as("the other tab is still open").isEmpty();
        tab2.close();
        assertThat(presenceOf(watcher, ben)).isEqualTo("offline");

        WsClient benSocket = connect(base, ben);
        subscribe(benSocket, channel, null);
        frame(benSocket, "type", "typing", "channelId", channel);
        JsonObject typing = watcher.next("typing");
        assertThat(typing.getString("accountId")).isEqualTo(ben.id());
        assertThat(typing.getString("channelId")).isEqualTo(channel);
        assertThat(barrier(benSocket, channel)).noneMatch(f -> "typing".equals(f.getString("type")));

        // The barrier was a message of Ben's: typing right after it is news again, however soon
        // (ChannelSubscriberTest pins the interval's rule without a clock).
        frame(benSocket, "type", "typing", "channelId", channel);
        assertThat(watcher.next("typing").getString("accountId")).as("typing right after a sent message").isEqualTo(ben.id());
    }

    @Test
    void mentionsAndDirectMessagesToAbsentPeopleReachTheirInbox() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid");
        String workspace = workspace(base, ann, ben, cid);
        String group = direct(base, workspace, ann, ben, cid);
        WsClient socket = connect(base, ann);
        WsClient cidOnline = connect(base, cid);
        frame(socket, "type", "send", "id", "m", "channelId", group, "text", "@Ben look", "mentions",
                jakarta.json.Json.createArrayBuilder().add(ben.id()).add(ann.id()).add("not-a-reader").build());
        JsonObject ack = reply(socket, "m");
        assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");

        List<JsonObject> benInbox = chatNotifications(ben);
        assertThat(benInbox).hasSize(1);
        assertThat(benInbox.get(0).getString("kind")).isEqualTo("chat.mentioned");
        assertThat(benInbox.get(0).getString("subjectId")).isEqualTo(ack.getString("messageId"));
        assertThat(chatNotifications(ann)).as("never to the sender").isEmpty();
        assertThat(chatNotifications(cid)).as("Cid is online, but this message starts the conversation")
                .extracting(n -> n.getString("kind")).containsExactly("chat.direct");
        send(socket, group, "still there?", null);
        assertThat(chatNotifications(cid)).as("Cid is online: a later message is not told to the inbox").hasSize(1);
        cidOnline.close();
        assertThat(cidOnline.closeCode()).isEqualTo(1000);

        send(socket, group, "anyone?", null);
        List<JsonObject> cidInbox = chatNotifications(cid);
        assertThat(cidInbox).extracting(n -> n.getString("kind")).containsExactly("chat.direct", "chat.direct");
        assertThat(chatNotifications(ben)).as("Ben was mentioned before, is not online, and hears of the new message")
                .extracting(n -> n.getString("kind")).containsExactly("chat.direct", "chat.direct", "chat.mentioned");
        JsonObject stored = get("/api/v1/channels/" + group + "/messages", ben).json().getJsonArray("items").getJsonObject(0);
        assertThat(stored.getJsonArray("mentions").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly(ben.id(), ann.id());
    }

    @Test
    void aMentionOfSomeoneWhoCannotReadTheChannelNotifiesNobodyAndTellsTheWriterOverSocketAndRest() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        SignedIn cid = user("Cid Outside");
        SignedIn stranger = user("Stranger");
        String workspace = workspace(base, ann, ben, cid);
        String conversation = direct(base, workspace, ann, ben);
        WsClient socket = connect(base, ann);
        frame(socket, "type", "send", "id", "m", "channelId", conversation, "text", "@Ben @Cid Outside @Stranger look", "mentions",
                jakarta.json.Json.createArrayBuilder().add(ben.id()).add(cid.id()).add(stranger.id()).add(ann.id()).build());
        JsonObject ack = reply(socket, "m");
        assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
        assertThat(ack.getJsonArray("mentionsNotDelivered").getValuesAs(JsonObject.class))
                .as("Cid is in the workspace but not in the conversation; the stranger is not even in the workspace: never named")
                .extracting(p -> p.getString("accountId") + " " + p.getString("displayName"))
                .containsExactly(cid.id() + " Cid Outside");
        assertThat(chatNotifications(ben)).extracting(n -> n.getString("kind")).containsExactly("chat.mentioned");
        assertThat(chatNotifications(cid)).as("Cid cannot read it: notified of nothing").isEmpty();
        assertThat(chatNotifications(stranger)).isEmpty();
        JsonObject stored = get("/api/v1/channels/" + conversation + "/messages", ben).json().getJsonArray("items").getJsonObject(0);
        assertThat(stored.getJsonArray("mentions").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly(ben.id(), ann.id());
        assertThat(stored.getJsonArray("mentionsNotDelivered")).as("only the answer to posting it says so").isEmpty();

        JsonObject ordinary = send(socket, conversation, "no mentions", null);
        assertThat(ordinary.getJsonArray("mentionsNotDelivered")).isEmpty();

        Reply posted = new Api(base).post("/api/v1/channels/" + conversation + "/messages",
                jakarta.json.Json.createObjectBuilder().add("text", "@Cid Outside @Stranger over REST").add("idempotencyKey", "rest-1")
                        .add("mentions", jakarta.json.Json.createArrayBuilder().add(cid.id()).add(stranger.id())).build(), ann.accessToken());
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().getJsonArray("mentions")).isEmpty();
        assertThat(posted.json().getJsonArray("mentionsNotDelivered").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("accountId") + " " + p.getString("displayName"))
                .containsExactly(cid.id() + " Cid Outside");
        assertThat(chatNotifications(cid)).isEmpty();
    }

    @Test
    void boardChannelsFollowTheBoardsReadersAndTheirModerators() throws Exception {
        SignedIn owner = user("Olga");
        SignedIn member = user("Mia");
        SignedIn guest = user("Gus");
        String workspace = workspace(base, owner, member);
        org.moim.it.Chat.join(base, owner, workspace, guest, "GUEST");
        Api api = new Api(base);
        Reply board = api.post("/api/v1/workspaces/" + workspace + "/boards", json("name", "Launch"), owner.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        String boardId = board.json().getString("id");
        String boardPath = "/api/v1/workspaces/" + workspace + "/boards/" + boardId;

        Reply opened = get("/api/v1/workspaces/" + workspace + "/channels/boards/" + boardId, member);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        String channel = opened.json().getString("id");
        assertThat(opened.json().getString("kind")).isEqualTo("BOARD");
        assertThat(get("/api/v1/workspaces/" + workspace + "/channels/boards/" + boardId, owner).json().getString("id"))
                .isEqualTo(channel);
        assertThat(get("/api/v1/workspaces/" + workspace + "/channels/boards/" + boardId, guest).status())
                .as("a guest not on the board").isEqualTo(404);
        assertThat(get("/api/v1/channels/" + channel, guest).status()).isEqualTo(404);

        Reply added = api.request("PUT", boardPath + "/members/" + guest.id()).bearer(owner.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isIn(200, 201);
        WsClient guestSocket = connect(base, guest);
        subscribe(guestSocket, channel, null);
        WsClient memberSocket = connect(base, member);
        WsClient ownerSocket = connect(base, owner);
        String byMember = send(memberSocket, channel, "from Mia", null).getString("messageId");
        String byGuest = send(guestSocket, channel, "from Gus", null).getString("messageId");
        assertThat(sequences(messages(guestSocket, 2))).containsExactly(1L, 2L);
        assertThat(get("/api/v1/workspaces/" + workspace + "/channels", guest).items()).hasSize(1);

        frame(memberSocket, "type", "delete", "id", "d-1", "messageId", byGuest);
        assertThat(reply(memberSocket, "d-1").getJsonObject("problem").getInt("status")).as("a MEMBER deletes only their own")
                .isEqualTo(403);
        frame(ownerSocket, "type", "delete", "id", "d-2", "messageId", byMember);
        assertThat(reply(ownerSocket, "d-2").getString("type")).as("an OWNER moderates board channels").isEqualTo("ack");
        assertThat(guestSocket.next("deleted").getString("messageId")).isEqualTo(byMember);

        // A mention of a member who cannot read the board: a member hears whom it missed, a guest
        // (who may not see the member list) learns no name from naming an id.
        SignedIn gwen = user("Gwen Guest");
        org.moim.it.Chat.join(base, owner, workspace, gwen, "GUEST");
        frame(memberSocket, "type", "send", "id", "mm", "channelId", channel, "text", "@Gwen", "mentions",
                jakarta.json.Json.createArrayBuilder().add(gwen.id()).build());
        assertThat(reply(memberSocket, "mm").getJsonArray("mentionsNotDelivered").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("displayName")).containsExactly("Gwen Guest");
        frame(guestSocket, "type", "send", "id", "gm", "channelId", channel, "text", "@Gwen", "mentions",
                jakarta.json.Json.createArrayBuilder().add(gwen.id()).build());
        JsonObject guestAck = reply(guestSocket, "gm");
        assertThat(guestAck.getString("type")).as(guestAck.toString()).isEqualTo("ack");
        assertThat(guestAck.getJsonArray("mentionsNotDelivered")).as("a guest learns nothing about members").isEmpty();
        assertThat(chatNotifications(gwen)).isEmpty();

        Reply taken = api.delete(boardPath + "/members/" + guest.id(), owner.accessToken());
        assertThat(taken.status()).as(taken.toString()).isEqualTo(204);
        assertThat(guestSocket.next("unsubscribed").getString("channelId")).isEqualTo(channel);
        assertThat(get("/api/v1/channels/" + channel + "/messages", guest).status()).isEqualTo(404);
        WsClient memberStays = connect(base, member);
        subscribe(memberStays, channel, 2L);
        Reply deleted = api.delete(boardPath, owner.accessToken());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(memberStays.next("unsubscribed").getString("channelId")).as("the board is gone").isEqualTo(channel);
        assertThat(get("/api/v1/channels/" + channel, member).status()).isEqualTo(404);
    }

    private List<JsonObject> chatNotifications(SignedIn who) {
        return get("/api/v1/me/notifications", who).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("kind").startsWith("chat.")).toList();
    }

    private static List<Long> seq(Reply page) {
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonNumber("sequence").longValue()).toList();
    }

    private static String presenceOf(WsClient watcher, SignedIn who) throws InterruptedException {
        return watcher.next(f -> "presence".equals(f.getString("type", null)) && f.getJsonObject("accounts").containsKey(who.id()))
                .getJsonObject("accounts").getString(who.id());
    }

    private static List<JsonObject> presenceFrames(List<JsonObject> frames, SignedIn who) {
        return frames.stream()
                .filter(f -> "presence".equals(f.getString("type", null)) && f.getJsonObject("accounts").containsKey(who.id()))
                .toList();
    }
}
