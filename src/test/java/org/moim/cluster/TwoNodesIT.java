package org.moim.cluster;

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
import org.moim.it.SecondNode;
import org.moim.it.WsClient;

/**
 * Two Payara Micro nodes on one database and one data grid: the one Arquillian starts (A) and
 * a second one started here (B). People connected to different nodes talk (and follow boards) as if on one.
 */
@ExtendWith(ArquillianExtension.class)
class TwoNodesIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL nodeA;

    @Test
    void deactivatingAnAccountOnOneNodeClosesItsSocketOnTheOther() throws Exception {
        try (SecondNode second = SecondNode.start()) {
            URL nodeB = second.base();
            Api onA = new Api(nodeA);
            onA.post("/api/v1/auth/register", json("email", "admin-it@example.com", "password", Accounts.PASSWORD, "displayName", "Admin"));
            SignedIn admin = Accounts.signIn(onA, "admin-it@example.com", Accounts.PASSWORD, null);
            SignedIn leaver = Accounts.signUp(new Api(nodeB), "Leaver");
            WsClient leaverOnB = connect(nodeB, leaver);

            Reply deactivated = onA.post("/api/v1/admin/accounts/" + leaver.id() + "/deactivation", json(), admin.accessToken());
            assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

            assertThat(leaverOnB.closeCode()).as("the socket on node B closes as revoked").isEqualTo(4403);
            assertThat(new Api(nodeB).get("/api/v1/me", leaver.accessToken()).status()).isEqualTo(401);
            assertThat(new Api(nodeB).post("/api/v1/auth/refresh", json("refreshToken", leaver.refreshToken())).status()).isEqualTo(401);
        }
    }

    @Test
    void chatPresenceReadMarkersAndRemovalWorkAcrossNodes() throws Exception {
        try (SecondNode second = SecondNode.start()) {
            URL nodeB = second.base();
            SignedIn ann = Accounts.signUp(new Api(nodeA), "Ann");
            SignedIn ben = Accounts.signUp(new Api(nodeA), "Ben");
            SignedIn cid = Accounts.signUp(new Api(nodeB), "Cid");
            String workspace = workspace(nodeA, ann, ben, cid);
            String channel = direct(nodeB, workspace, ann, ben, cid);

            // A ticket from node A opens a socket on node B: the two share the data grid.
            Reply ticket = new Api(nodeA).post("/api/v1/realtime/tickets", json(), ann.accessToken());
            WsClient crossing = WsClient.connect(nodeB, "ticket=" + ticket.json().getString("ticket"));
            assertThat(crossing.next().getString("type")).as("node B joined node A's data grid").isEqualTo("hello");
            crossing.close();
            WsClient annOnA = connect(nodeA, ann);
            WsClient annOnB = connect(nodeB, ann);
            WsClient benOnB = connect(nodeB, ben);
            WsClient cidOnA = connect(nodeA, cid);
            frame(annOnA, "type", "subscribe", "id", "presence", "workspaceId", workspace);
            reply(annOnA, "presence");
            assertThat(annOnA.next("presence").getJsonObject("accounts").getString(ben.id())).isEqualTo("online");
            subscribe(benOnB, channel, null);
            subscribe(cidOnA, channel, null);
            subscribe(annOnA, channel, null);

            // Messages posted on both nodes at once arrive on both nodes, once each, in sequence order.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<List<Long>>> senders = new ArrayList<>();
            for (WsClient sender : List.of(annOnA, annOnB)) {
                senders.add(() -> {
                    List<Long> acked = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
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
            List<Long> all = LongStream.rangeClosed(1, 40).boxed().toList();
            assertThat(acked).containsExactlyInAnyOrderElementsOf(all);
            assertThat(sequences(messages(benOnB, 40))).containsExactlyElementsOf(all);
            assertThat(sequences(messages(cidOnA, 40))).containsExactlyElementsOf(all);
            assertThat(sequences(barrier(benOnB, channel))).as("no repeats on B").isEmpty();
            assertThat(sequences(barrier(cidOnA, channel))).as("no repeats on A, only Ben's barrier").containsExactly(41L);

            // Unread counts agree on both nodes (Ann's 40 and Cid's barrier; Ben's own never counts);
            // a read on B reaches Ben's tab on A.
            WsClient benOnA = connect(nodeA, ben);
            assertThat(unread(nodeA, ben, workspace)).isEqualTo(unread(nodeB, ben, workspace)).isEqualTo(41);
            frame(benOnB, "type", "read", "id", "r", "channelId", channel, "sequence", 30);
            assertThat(reply(benOnB, "r").getJsonNumber("unread").longValue()).isEqualTo(11);
            JsonObject read = benOnA.next("read");
            assertThat(read.getJsonNumber("sequence").longValue()).isEqualTo(30);
            assertThat(unread(nodeA, ben, workspace)).isEqualTo(unread(nodeB, ben, workspace)).isEqualTo(11);

            // Presence adds up tabs on both nodes: Ben stays online until his last tab closes.
            benOnB.close();
            assertThat(benOnB.closeCode()).isEqualTo(1000);
            assertThat(barrier(annOnA, channel)).as("Ben is still on node A")
                    .noneMatch(f -> "presence".equals(f.getString("type")) && f.getJsonObject("accounts").containsKey(ben.id()));
            benOnA.close();
            JsonObject offline = annOnA.next(f -> "presence".equals(f.getString("type", null))
                    && f.getJsonObject("accounts").containsKey(ben.id()));
            assertThat(offline.getJsonObject("accounts").getString(ben.id())).isEqualTo("offline");

            // Removed on node A: Cid's subscription on node A and his socket on node B both end.
            WsClient cidOnB = connect(nodeB, cid);
            subscribe(cidOnB, channel, null);
            Reply removed = new Api(nodeA).delete("/api/v1/workspaces/" + workspace + "/members/" + cid.id(), ann.accessToken());
            assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
            assertThat(cidOnB.next("unsubscribed").getString("channelId")).isEqualTo(channel);
            assertThat(cidOnA.next("unsubscribed").getString("channelId")).isEqualTo(channel);
            WsClient annWatching = connect(nodeB, ann);
            subscribe(annWatching, channel, null);
            long last = send(annOnA, channel, "without Cid", null).getJsonNumber("sequence").longValue();
            assertThat(sequences(messages(annWatching, 1))).containsExactly(last);
            assertThat(sequences(cidOnB.drain())).isEmpty();

            // A board followed on node B hears a change made through node A, with the next revision.
            Reply board = new Api(nodeA).post("/api/v1/workspaces/" + workspace + "/boards", json("name", "Both nodes"), ann.accessToken());
            assertThat(board.status()).as(board.toString()).isEqualTo(201);
            String boardId = board.json().getString("id");
            WsClient benFollows = connect(nodeB, ben);
            frame(benFollows, "type", "board-subscribe", "id", "follow", "boardId", boardId);
            long revision = reply(benFollows, "follow").getJsonNumber("revision").longValue();
            Reply list = new Api(nodeA).post("/api/v1/workspaces/" + workspace + "/boards/" + boardId + "/lists", json("name", "Across"),
                    ann.accessToken());
            assertThat(list.status()).as(list.toString()).isEqualTo(201);
            JsonObject changed = benFollows.next("board-changed");
            assertThat(changed.getString("kind")).isEqualTo("list.created");
            assertThat(changed.getJsonNumber("revision").longValue()).isEqualTo(revision + 1);
        }
    }

    private static long unread(URL node, SignedIn who, String workspace) {
        Reply channels = new Api(node).get("/api/v1/workspaces/" + workspace + "/channels", who.accessToken());
        assertThat(channels.status()).as(channels.toString()).isEqualTo(200);
        // The direct conversation's count: the workspace's general channel is in the list too (and quiet here).
        return channels.items().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> "DIRECT".equals(c.getString("kind")))
                .mapToLong(c -> c.getJsonNumber("unread").longValue()).sum();
    }
}
