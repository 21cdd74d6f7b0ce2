package org.moim.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;
import static org.moim.it.Chat.connect;
import static org.moim.it.Chat.frame;
import static org.moim.it.Chat.reply;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
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
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.moim.it.WsClient;

/**
 * Boards followed live over the real-time socket, with real WebSocket clients: who may follow a
 * board (exactly who may view it), what a change tells them, the board's revision, and that
 * someone who lost the board hears nothing more of it.
 */
@ExtendWith(ArquillianExtension.class)
class LiveBoardsIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private SignedIn user(String name) {
        return Accounts.signUp(api(), name);
    }

    private record Board(String workspace, String id) {
        String path(String rest) {
            return "/api/v1/workspaces/" + workspace + "/boards/" + id + rest;
        }
    }

    private Board board(SignedIn owner, String workspace, String name) {
        Reply created = api().post("/api/v1/workspaces/" + workspace + "/boards", json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Board(workspace, created.json().getString("id"));
    }

    private JsonObject created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private JsonObject ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject follow(WsClient socket, Board board) throws InterruptedException {
        String id = "follow-" + UUID.randomUUID();
        frame(socket, "type", "board-subscribe", "id", id, "boardId", board.id());
        return reply(socket, id);
    }

    private static JsonObject changed(WsClient socket) throws InterruptedException {
        return socket.next("board-changed");
    }

    private static long revision(JsonObject frame) {
        return frame.getJsonNumber("revision").longValue();
    }

    @Test
    void aViewerHearsEveryChangeOnTheBoardInRevisionOrder() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = Chat.workspace(base, ann, ben);
        Board board = board(ann, workspace, "Live");
        WsClient benSocket = connect(base, ben);
        JsonObject ack = follow(benSocket, board);
        assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
        assertThat(ack.getString("boardId")).isEqualTo(board.id());
        long start = revision(ack);
        assertThat(start).as("the board's revision as the board view tells it")
                .isEqualTo(ok(api().get(board.path(""), ben.accessToken())).getJsonNumber("revision").longValue());

        Api.Reply firstList = api().post(board.path("/lists"), json("name", "To do"), ann.accessToken());
        assertThat(firstList.header("Moim-Board-Revision")).as("the write's answer tells the revision it gave the board")
                .hasValue(board.id() + ";from=" + (start + 1) + ";to=" + (start + 1));
        String list = created(firstList).getString("id");
        String done = created(api().post(board.path("/lists"), json("name", "Done"), ann.accessToken())).getString("id");
        String card = created(api().post(board.path("/cards"), json("listId", list, "title", "Plan"), ann.accessToken())).getString("id");
        ok(api().post(board.path("/cards/" + card + "/move"), json("listId", done), ann.accessToken()));
        ok(api().patch(board.path("/cards/" + card), json("title", "Plan it"), ann.accessToken()));
        created(api().post(board.path("/cards/" + card + "/comments"), json("body", "On it"), ann.accessToken()));
        created(api().post(board.path("/cards/" + card + "/checklist"), json("content", "Ask Ben"), ann.accessToken()));
        ok(api().patch(board.path("/cards/" + card), json("archived", true), ann.accessToken()));

        List<String> kinds = List.of("list.created", "list.created", "card.created", "card.moved", "card.updated", "comment.added",
                "checklist.added", "card.archived");
        long expected = start;
        for (String kind : kinds) {
            JsonObject frame = changed(benSocket);
            expected++;
            assertThat(frame.getString("kind")).as(frame.toString()).isEqualTo(kind);
            assertThat(revision(frame)).as("revisions follow one another without a gap").isEqualTo(expected);
            assertThat(frame.getString("boardId")).isEqualTo(board.id());
            assertThat(frame.getString("actorId")).isEqualTo(ann.id());
            if (kind.startsWith("card.") || kind.startsWith("comment.") || kind.startsWith("checklist.")) {
                assertThat(frame.getString("cardId")).isEqualTo(card);
            }
        }
        assertThat(api().get(board.path(""), ann.accessToken()).header("Moim-Board-Revision")).as("reads give no revision").isEmpty();
        JsonObject moved = ok(api().get(board.path(""), ben.accessToken()));
        assertThat(moved.getJsonNumber("revision").longValue()).as("the board view's revision after them").isEqualTo(expected);

        // Following again (a reconnect) tells the revision, so a client that missed frames knows it.
        WsClient again = connect(base, ben);
        assertThat(revision(follow(again, board))).isEqualTo(expected);
    }

    @Test
    void onlyThoseWhoMayViewTheBoardMayFollowIt() throws Exception {
        SignedIn owner = user("Olga");
        SignedIn member = user("Mia");
        SignedIn guestOn = user("Gil");
        SignedIn guestOff = user("Gus");
        SignedIn stranger = user("Sam");
        String workspace = Chat.workspace(base, owner, member);
        Chat.join(base, owner, workspace, guestOn, "GUEST");
        Chat.join(base, owner, workspace, guestOff, "GUEST");
        Board board = board(owner, workspace, "Matrix");
        assertThat(api().request("PUT", board.path("/members/" + guestOn.id())).bearer(owner.accessToken()).send().status()).isIn(200, 201, 204);

        for (SignedIn allowed : List.of(owner, member, guestOn)) {
            JsonObject ack = follow(connect(base, allowed), board);
            assertThat(ack.getString("type")).as(allowed.email() + ": " + ack).isEqualTo("ack");
        }
        for (SignedIn refused : List.of(guestOff, stranger)) {
            JsonObject error = follow(connect(base, refused), board);
            assertThat(error.getString("type")).as(refused.email() + ": " + error).isEqualTo("error");
            assertThat(error.getJsonObject("problem").getString("type")).endsWith("/problems/not-found");
            assertThat(error.getJsonObject("problem").getInt("status")).isEqualTo(404);
        }
        JsonObject unknown = follow(connect(base, owner), new Board(workspace, UUID.randomUUID().toString()));
        assertThat(unknown.getJsonObject("problem").getString("type")).as("an unknown board answers as one not seen").endsWith("/problems/not-found");

        WsClient socket = connect(base, owner);
        frame(socket, "type", "board-subscribe", "id", "no-board");
        JsonObject invalid = reply(socket, "no-board");
        assertThat(invalid.getJsonObject("problem").getString("type")).endsWith("/problems/validation");
        assertThat(invalid.getJsonObject("problem").getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("boardId");
    }

    @Test
    void someoneTakenOffTheBoardHearsNothingMoreOfIt() throws Exception {
        SignedIn owner = user("Olga");
        SignedIn guest = user("Gil");
        String workspace = Chat.workspace(base, owner);
        Chat.join(base, owner, workspace, guest, "GUEST");
        Board board = board(owner, workspace, "Private");
        Board other = board(owner, workspace, "Elsewhere");
        assertThat(api().request("PUT", board.path("/members/" + guest.id())).bearer(owner.accessToken()).send().status()).isIn(200, 201, 204);
        String list = created(api().post(board.path("/lists"), json("name", "To do"), owner.accessToken())).getString("id");
        String otherList = created(api().post(other.path("/lists"), json("name", "Secret"), owner.accessToken())).getString("id");

        WsClient guestSocket = connect(base, guest);
        assertThat(follow(guestSocket, board).getString("type")).isEqualTo("ack");
        assertThat(follow(guestSocket, other).getString("type")).as("a board the guest is not on").isEqualTo("error");
        WsClient ownerSocket = connect(base, owner);
        follow(ownerSocket, board);
        follow(ownerSocket, other);

        // A change on a board the guest is not on never reaches the guest.
        String secret = created(api().post(other.path("/cards"), json("listId", otherList, "title", "Secret card"), owner.accessToken()))
                .getString("id");
        assertThat(changed(ownerSocket).getString("cardId")).isEqualTo(secret);
        String card = created(api().post(board.path("/cards"), json("listId", list, "title", "Shared"), owner.accessToken())).getString("id");
        assertThat(changed(guestSocket).getString("cardId")).as("the guest's own board").isEqualTo(card);
        assertThat(guestSocket.drain()).noneMatch(f -> "board-changed".equals(f.getString("type", null)));

        // Taken off the board: the subscription ends, and what changes afterwards is not delivered.
        assertThat(api().delete(board.path("/members/" + guest.id()), owner.accessToken()).status()).isEqualTo(204);
        JsonObject ended = guestSocket.next("unsubscribed");
        assertThat(ended.getString("boardId")).isEqualTo(board.id());
        assertThat(ended.getString("reason")).isEqualTo("access-revoked");
        ok(api().patch(board.path("/cards/" + card), json("title", "Shared, then private"), owner.accessToken()));
        created(api().post(board.path("/cards/" + card + "/comments"), json("body", "Not for guests"), owner.accessToken()));
        // The owner follows the same board: once the second change reached them, the first was
        // handed to every subscriber of this node (one topic, one frame at a time).
        long last = 0;
        while (last == 0) {
            JsonObject frame = changed(ownerSocket);
            if ("comment.added".equals(frame.getString("kind"))) {
                last = revision(frame);
            }
        }
        assertThat(guestSocket.drain()).as("nothing after losing the board").noneMatch(f -> "board-changed".equals(f.getString("type", null)));
        JsonObject refused = follow(guestSocket, board);
        assertThat(refused.getString("type")).as("following it again").isEqualTo("error");
        assertThat(refused.getJsonObject("problem").getInt("status")).isEqualTo(404);

        // Out of the workspace altogether: the same for a member.
        SignedIn member = user("Mia");
        Chat.join(base, owner, workspace, member, "MEMBER");
        WsClient memberSocket = connect(base, member);
        assertThat(follow(memberSocket, board).getString("type")).isEqualTo("ack");
        assertThat(api().delete("/api/v1/workspaces/" + workspace + "/members/" + member.id(), owner.accessToken()).status()).isEqualTo(204);
        assertThat(memberSocket.next("unsubscribed").getString("boardId")).isEqualTo(board.id());
        ok(api().patch(board.path("/cards/" + card), json("title", "Members only"), owner.accessToken()));
        created(api().post(board.path("/cards/" + card + "/comments"), json("body", "Again"), owner.accessToken()));
        long after = 0;
        while (after == 0) {
            JsonObject frame = changed(ownerSocket);
            if ("comment.added".equals(frame.getString("kind")) && revision(frame) > last) {
                after = revision(frame);
            }
        }
        assertThat(memberSocket.drain()).noneMatch(f -> "board-changed".equals(f.getString("type", null)));
    }

    @Test
    void aMemberMadeAGuestStopsHearingOfTheBoardsTheyAreNotOn() throws Exception {
        SignedIn owner = user("Olga");
        SignedIn member = user("Mia");
        String workspace = Chat.workspace(base, owner, member);
        Board kept = board(owner, workspace, "Kept");
        Board lost = board(owner, workspace, "Lost");
        assertThat(api().request("PUT", kept.path("/members/" + member.id())).bearer(owner.accessToken()).send().status()).isIn(200, 201, 204);
        WsClient memberSocket = connect(base, member);
        assertThat(follow(memberSocket, kept).getString("type")).isEqualTo("ack");
        assertThat(follow(memberSocket, lost).getString("type")).isEqualTo("ack");
        WsClient ownerSocket = connect(base, owner);
        follow(ownerSocket, lost);

        ok(api().patch("/api/v1/workspaces/" + workspace + "/members/" + member.id(), json("role", "GUEST"), owner.accessToken()));
        JsonObject ended = memberSocket.next("unsubscribed");
        assertThat(ended.getString("boardId")).as("only the board the new guest is not on").isEqualTo(lost.id());
        created(api().post(lost.path("/lists"), json("name", "Members only"), owner.accessToken()));
        created(api().post(lost.path("/lists"), json("name", "Still members only"), owner.accessToken()));
        while (!"Still members only".equals(changed(ownerSocket).getJsonObject("details").getString("name", null))) {
            // the owner's frames up to the second change: by then the first was handed to every subscriber
        }
        created(api().post(kept.path("/lists"), json("name", "Guests welcome"), owner.accessToken()));
        JsonObject stillHeard = changed(memberSocket);
        assertThat(stillHeard.getString("boardId")).as("the first board-changed after the demotion is of the board kept").isEqualTo(kept.id());
        assertThat(memberSocket.drain()).noneMatch(f -> lost.id().equals(f.getString("boardId", null)));
    }

    @Test
    void aDirectConversationReachesItsRecipientsInboxAtOnceAndTheirSocket() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = Chat.workspace(base, ann, ben);
        WsClient benSocket = connect(base, ben);
        String channel = Chat.direct(base, workspace, ann, ben);
        Chat.send(connect(base, ann), channel, "Hello Ben", null);
        JsonObject notification = benSocket.next("notification").getJsonObject("notification");
        assertThat(notification.getString("kind")).as("Ben is online, yet a new conversation is told").isEqualTo("chat.direct");
        assertThat(notification.getString("link")).contains(channel);
    }

    @Test
    void anInvitationReachesTheInviteeLiveAndNamesWhoSentIt() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = Chat.workspace(base, ann);
        WsClient benSocket = connect(base, ben);
        created(api().post("/api/v1/workspaces/" + workspace + "/invitations", json("email", ben.email(), "role", "MEMBER"),
                ann.accessToken()));
        assertThat(benSocket.next("notification").getJsonObject("notification").getString("kind")).isEqualTo("invitation.received");
        JsonObject mine = jakarta.json.Json.createReader(new java.io.StringReader(api().get("/api/v1/me/invitations", ben.accessToken()).body()))
                .readObject().getJsonArray("items").getJsonObject(0);
        assertThat(mine.getString("workspaceId")).isEqualTo(workspace);
        assertThat(mine.getString("invitedById")).isEqualTo(ann.id());
        assertThat(mine.getString("invitedByName")).isEqualTo("Ann");
    }

    @Test
    void anInviteLinkPreviewNamesTheWorkspaceAndWhoMadeItAndKnowsAMember() throws Exception {
        SignedIn ann = user("Ann");
        SignedIn ben = user("Ben");
        String workspace = Chat.workspace(base, ann);
        String name = ok(api().get("/api/v1/workspaces/" + workspace, ann.accessToken())).getString("name");
        String token = created(api().post("/api/v1/workspaces/" + workspace + "/invite-links", json("role", "MEMBER", "maxUses", 1),
                ann.accessToken())).getString("token");

        JsonObject preview = ok(api().post("/api/v1/invite-links/preview", json("token", token), ben.accessToken()));
        assertThat(preview.getString("workspaceId")).isEqualTo(workspace);
        assertThat(preview.getString("workspaceName")).isEqualTo(name);
        assertThat(preview.getString("invitedByName")).isEqualTo("Ann");
        assertThat(preview.getString("role")).isEqualTo("MEMBER");
        assertThat(preview.getBoolean("alreadyMember")).isFalse();

        JsonObject owner = ok(api().post("/api/v1/invite-links/preview", json("token", token), ann.accessToken()));
        assertThat(owner.getBoolean("alreadyMember")).isTrue();
        assertThat(owner.getString("myRole")).isEqualTo("OWNER");

        ok(api().post("/api/v1/invite-links/redeem", json("token", token), ben.accessToken()));
        JsonObject joined = ok(api().post("/api/v1/invite-links/preview", json("token", token), ben.accessToken()));
        assertThat(joined.getBoolean("alreadyMember")).as("a member already, though the link is used up").isTrue();
        SignedIn cid = user("Cid");
        Reply usedUp = api().post("/api/v1/invite-links/preview", json("token", token), cid.accessToken());
        assertThat(usedUp.status()).as(usedUp.toString()).isEqualTo(410);
        Reply bad = api().post("/api/v1/invite-links/preview", json("token", "not-a-token"), cid.accessToken());
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.header("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
