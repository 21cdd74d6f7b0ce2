package org.moim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Search through the real HTTP API: who sees what (a matrix of someone else's workspace, a board
 * the caller is not on, others' direct conversations, the plan's history window), Korean
 * substrings, pagination, and bad input.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIT {

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

    private Reply search(SignedIn who, String workspace, String query, String extra) {
        return api().get("/api/v1/workspaces/" + workspace + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (extra == null ? "" : "&" + extra), who.accessToken());
    }

    private JsonObject ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> field(JsonObject results, String kind, String name) {
        List<String> values = new ArrayList<>();
        results.getJsonObject(kind).getJsonArray("items").getValuesAs(JsonObject.class).forEach(o -> values.add(o.getString(name)));
        return values;
    }

    private String board(SignedIn owner, String workspace, String name) {
        Reply created = api().post("/api/v1/workspaces/" + workspace + "/boards", json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private String card(SignedIn who, String workspace, String board, String title, String description) {
        String boards = "/api/v1/workspaces/" + workspace + "/boards/" + board;
        Reply lists = api().get(boards + "/lists", who.accessToken());
        String list = lists.array().isEmpty()
                ? api().post(boards + "/lists", json("name", "Todo"), who.accessToken()).json().getString("id")
                : lists.array().getJsonObject(0).getString("id");
        Reply created = api().post(boards + "/cards", json("listId", list, "title", title, "description", description), who.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private String boardChannel(SignedIn who, String board) {
        Reply channel = api().get("/api/v1/boards/" + board + "/channel", who.accessToken());
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        return channel.json().getString("id");
    }

    @Test
    void eachPersonFindsOnlyWhatTheyMaySeeAndKoreanMatchesInsideAWord() throws Exception {
        SignedIn ann = user("Ann Search");
        SignedIn ben = user("Ben Search");
        SignedIn gus = user("Gus Guest");
        SignedIn eve = user("Eve Elsewhere");
        String workspace = Chat.workspace(base, ann, ben);
        Chat.join(base, ann, workspace, gus, "GUEST");
        String elsewhere = Chat.workspace(base, eve);
        assertThat(api().post("/api/v1/test-probe/billing/tiny-plan?workspace=" + workspace
                + "&members=10&boards=10&fileBytes=100000&storageBytes=100000&historyDays=30&integrations=1", json(), ann.accessToken())
                .status()).isEqualTo(200);

        String secret = board(ann, workspace, "비밀 회의록 보드");
        String open = board(ann, workspace, "Open 회의록 board");
        assertThat(api().request("PUT", "/api/v1/workspaces/" + workspace + "/boards/" + open + "/members/" + gus.id())
                .bearer(ann.accessToken()).send().status()).isIn(200, 201, 204);
        String secretCard = card(ann, workspace, secret, "분기 회의록 정리", "notes");
        String openCard = card(ann, workspace, open, "Guest card", "The 회의록을 guests may read");
        Reply comment = api().post("/api/v1/workspaces/" + workspace + "/boards/" + secret + "/cards/" + secretCard + "/comments",
                json("body", "the launchcode is 회의록"), ben.accessToken());
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        card(eve, elsewhere, board(eve, elsewhere, "Eve 회의록"), "Eve's 회의록", "");

        String annBen = Chat.direct(base, workspace, ann, ben);
        WsClient socket = Chat.connect(base, ann);
        Chat.send(socket, annBen, "회의록 공유합니다", null);
        String old = Chat.send(socket, annBen, "옛날 회의록 from last year", null).getString("messageId");
        Chat.send(socket, boardChannel(ann, secret), "board chat about 회의록", null);
        Chat.send(socket, boardChannel(ann, open), "open chat 회의록 for everyone", null);
        Reply planning = api().post("/api/v1/workspaces/" + workspace + "/channels", Json.createObjectBuilder().add("name", "기획")
                .add("isPrivate", true).add("memberIds", Json.createArrayBuilder().add(ben.id())).build(), ann.accessToken());
        assertThat(planning.status()).as(planning.toString()).isEqualTo(201);
        Chat.send(socket, planning.json().getString("id"), "private 회의록 in a channel", null);
        socket.close();
        assertThat(api().post("/api/v1/test-probe/billing/age-message?message=" + old + "&days=35", json(), ann.accessToken()).status())
                .isEqualTo(200);

        JsonObject annSees = ok(search(ann, workspace, "의록", null));
        assertThat(field(annSees, "messages", "excerpt")).as("part of a Korean word, newest first; not the message past the window")
                .containsExactly("private 회의록 in a channel", "open chat 회의록 for everyone", "board chat about 회의록", "회의록 공유합니다");
        JsonObject inChannel = annSees.getJsonObject("messages").getJsonArray("items").getJsonObject(0);
        assertThat(List.of(inChannel.getString("channelKind"), inChannel.getString("channelName")))
                .as("a workspace channel's hit names the channel").containsExactly("WORKSPACE", "기획");
        assertThat(annSees.getJsonObject("messages").getJsonArray("items").getJsonObject(1).isNull("channelName"))
                .as("a board channel has no channel name of its own").isTrue();
        assertThat(field(annSees, "cards", "id")).containsExactly(openCard, secretCard);
        assertThat(field(annSees, "boards", "id")).containsExactlyInAnyOrder(secret, open);

        JsonObject gusSees = ok(search(gus, workspace, "의록", null));
        assertThat(field(gusSees, "messages", "excerpt")).as("a guest: only the board he is on")
                .containsExactly("open chat 회의록 for everyone");
        assertThat(field(gusSees, "cards", "id")).containsExactly(openCard);
        assertThat(field(gusSees, "boards", "id")).containsExactly(open);
        assertThat(field(gusSees, "people", "accountId")).as("guests may not list members").isEmpty();

        JsonObject benSees = ok(search(ben, workspace, "launchcode", null));
        assertThat(field(benSees, "cards", "matchedIn")).containsExactly("comment");
        assertThat(field(benSees, "cards", "excerpt")).containsExactly("the launchcode is 회의록");
        assertThat(field(ok(search(ben, workspace, "ben sea", null)), "people", "accountId")).containsExactly(ben.id());

        Reply eveTries = search(eve, workspace, "의록", null);
        assertThat(eveTries.status()).as("someone else's workspace").isEqualTo(404);
        assertThat(eveTries.contentType()).startsWith("application/problem+json");
        JsonObject eveSees = ok(search(eve, elsewhere, "의록", null));
        assertThat(field(eveSees, "messages", "id")).isEmpty();
        assertThat(field(eveSees, "cards", "title")).containsExactly("Eve's 회의록");

        Reply uploaded = api().request("PUT", "/api/v1/workspaces/" + workspace + "/files?name=" + URLEncoder.encode("회의록-2026.txt", StandardCharsets.UTF_8))
                .bearer(ann.accessToken()).body("text/plain", "x").send();
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(field(ok(search(ben, workspace, "의록-20", "kinds=files")), "files", "name")).containsExactly("회의록-2026.txt");
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsAndCostTheSameStatementsForOneHitOrMany() throws Exception {
        SignedIn ann = user("Ann Pages");
        SignedIn ben = user("Ben Pages");
        String workspace = Chat.workspace(base, ann, ben);
        String channel = Chat.direct(base, workspace, ann, ben);
        WsClient socket = Chat.connect(base, ann);
        for (int i = 1; i <= 7; i++) {
            Chat.send(socket, channel, "pagination item " + i, null);
        }
        Chat.send(socket, channel, "singular thing", null);
        socket.close();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = ok(search(ann, workspace, "nation it", "kinds=messages&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)));
            seen.addAll(field(page, "messages", "excerpt"));
            cursor = page.getJsonObject("messages").isNull("nextCursor") ? null : page.getJsonObject("messages").getString("nextCursor");
            assertThat(page.isNull("cards")).as("a kind not asked for").isTrue();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("pagination item 7", "pagination item 6", "pagination item 5", "pagination item 4",
                "pagination item 3", "pagination item 2", "pagination item 1");

        Reply many = search(ann, workspace, "item", "limit=50");
        Reply one = search(ann, workspace, "singular", "limit=50");
        assertThat(field(ok(many), "messages", "id")).hasSize(7);
        assertThat(field(ok(one), "messages", "id")).hasSize(1);
        assertThat(many.header("X-Moim-Sql-Statements")).isPresent().isEqualTo(one.header("X-Moim-Sql-Statements"));
    }

    @Test
    void badQueriesGetAProblemOrNothingNeverAnErrorOrAnotherOnesData() throws Exception {
        SignedIn ann = user("Ann Bad");
        SignedIn eve = user("Eve Bad");
        String workspace = Chat.workspace(base, ann);
        String other = Chat.workspace(base, eve);
        String channel = boardChannel(eve, board(eve, other, "Eve board"));
        WsClient socket = Chat.connect(base, eve);
        Chat.send(socket, channel, "eve's private note ' OR 1=1 -- %_ .* +a -b", null);
        socket.close();
        card(ann, workspace, board(ann, workspace, "Plain"), "plain card", "");

        // 10,000 characters do not fit Grizzly's 8 KiB request line: the HTTP server answers a bare 400 before Moim sees it.
        Reply huge = search(ann, workspace, "x".repeat(10_000), null);
        assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
        assertThat(huge.body()).doesNotContain("items");
        for (String tooShortOrLong : List.of("", "  ", "a", " 회 ", "x".repeat(101), "회".repeat(101), "x".repeat(2_000))) {
            Reply reply = search(ann, workspace, tooShortOrLong, null);
            assertThat(reply.status()).as("[" + tooShortOrLong.length() + "] " + reply).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.problemType()).isEqualTo("/problems/validation");
            assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("q");
        }
        for (String literal : List.of("' OR 1=1 --", "%_", "%%", "__", ".*", "+a -b", "\"plain\" @>", "pla*", "(.+)$", "\\\\", "';DROP TABLE card;--")) {
            JsonObject results = ok(search(ann, workspace, literal, null));
            for (String kind : List.of("messages", "cards", "files", "people", "boards")) {
                assertThat(results.getJsonObject(kind).getJsonArray("items")).as(literal + " in " + kind).isEmpty();
            }
        }
        assertThat(search(ann, workspace, "plain", "kinds=cards,nothing").status()).isEqualTo(400);
        assertThat(search(ann, workspace, "plain", "limit=0").status()).isEqualTo(400);
        assertThat(search(ann, workspace, "plain", "limit=51").status()).isEqualTo(400);
        assertThat(search(ann, workspace, "plain", "kinds=cards&cursor=not-a-cursor").status()).isEqualTo(400);
        assertThat(search(ann, workspace, "plain", "cursor=" + "eA").status()).as("a cursor needs one kind").isEqualTo(400);
        assertThat(field(ok(search(ann, workspace, "plain", null)), "cards", "title")).containsExactly("plain card");
        Reply invalidUtf8 = api().get("/api/v1/workspaces/" + workspace + "/search?q=%C3%28%FF%FE", ann.accessToken());
        assertThat(invalidUtf8.status()).as(invalidUtf8.toString()).isIn(200, 400);
        assertThat(search(ann, "not-a-workspace", "plain", null).status()).isEqualTo(404);
    }
}
