package org.moim.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.board.control.BoardAction;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;
import org.moim.workspace.entity.MemberRole;

/** Boards, lists, cards, moves, permissions, versions, activity and notifications through the real HTTP API. */
@ExtendWith(ArquillianExtension.class)
class BoardsIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    // ---------------------------------------------------------------- helpers

    private SignedIn user(String name) {
        return Accounts.signUp(api(), name);
    }

    private static String workspace(Api api, SignedIn owner, String name) {
        return created(api.post("/api/v1/workspaces", json("name", name), owner.accessToken())).getString("id");
    }

    /** Brings {@code who} in with {@code role}: invited, then accepting. */
    private static void join(Api api, SignedIn owner, String workspace, SignedIn who, MemberRole role) {
        Reply invited = api.post("/api/v1/workspaces/" + workspace + "/invitations",
                json("email", who.email(), "role", role == MemberRole.OWNER ? "MANAGER" : role.name()), owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isIn(200, 201);
        Reply accepted = api.post("/api/v1/me/invitations/" + invited.json().getString("id") + "/accept", json(), who.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        if (role == MemberRole.OWNER) {
            Reply promoted = api.patch("/api/v1/workspaces/" + workspace + "/members/" + who.id(), json("role", "OWNER"), owner.accessToken());
            assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        }
    }

    private static String boards(String workspace) {
        return "/api/v1/workspaces/" + workspace + "/boards";
    }

    private static JsonObject created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static JsonObject ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).isEqualTo(type);
    }

    private static int statements(Reply reply) {
        return Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow());
    }

    private static JsonArrayBuilder array(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    /** A board of a workspace, with its path. */
    private record Board(Api api, String workspace, String id) {
        String path(String rest) {
            return boards(workspace) + "/" + id + rest;
        }

        String list(SignedIn by, String name) {
            return created(api.post(path("/lists"), json("name", name), by.accessToken())).getString("id");
        }

        String card(SignedIn by, String list, String title) {
            return created(api.post(path("/cards"), json("listId", list, "title", title), by.accessToken())).getString("id");
        }

        JsonObject view(SignedIn by) {
            return ok(api.get(path(""), by.accessToken()));
        }

        /** Card ids per list name, in board order. */
        Map<String, List<String>> order(SignedIn by) {
            Map<String, List<String>> order = new LinkedHashMap<>();
            for (JsonObject list : view(by).getJsonArray("lists").getValuesAs(JsonObject.class)) {
                order.put(list.getString("name"), list.getJsonArray("cards").getValuesAs(JsonObject.class).stream()
                        .map(c -> c.getString("id")).toList());
            }
            return order;
        }
    }

    private static Board board(Api api, SignedIn by, String workspace, String name) {
        return new Board(api, workspace, created(api.post(boards(workspace), json("name", name), by.accessToken())).getString("id"));
    }

    private static Reply put(Api api, String path, SignedIn who) {
        return api.request("PUT", path).bearer(who.accessToken()).send();
    }

    /** The notifications about cards in someone's inbox, newest first (invitations left out). */
    private static List<JsonObject> inbox(Api api, SignedIn who) {
        return ok(api.get("/api/v1/me/notifications?limit=100", who.accessToken())).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("subjectType").equals("card")).toList();
    }

    // ---------------------------------------------------------------- the board

    @Test
    void aBoardWithListsCardsChecklistsAndCommentsReadsBackInOneView() {
        Api api = api();
        SignedIn owner = user("Board Owner");
        SignedIn member = user("Board Member");
        String ws = workspace(api, owner, "Boards");
        join(api, owner, ws, member, MemberRole.MEMBER);

        Reply createdBoard = api.post(boards(ws), json("name", "  출시 Launch 🚀 ", "description", "Q3\nlaunch", "colour", "#3366FF",
                "startDate", "2026-03-01", "deadline", "2026-06-30"), owner.accessToken());
        JsonObject board = created(createdBoard);
        assertThat(createdBoard.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(boards(ws) + "/" + board.getString("id")));
        assertThat(createdBoard.header("ETag")).hasValue("\"" + board.getJsonNumber("version").longValue() + "\"");
        assertThat(board.getString("name")).isEqualTo("출시 Launch 🚀");
        assertThat(board.getString("colour")).isEqualTo("#3366ff");
        assertThat(board.getString("startDate")).isEqualTo("2026-03-01");
        assertThat(board.getString("deadline")).isEqualTo("2026-06-30");
        assertThat(board.getBoolean("archived")).isFalse();
        assertThat(board.getString("workspaceId")).isEqualTo(ws);
        Board b = new Board(api, ws, board.getString("id"));

        String todo = b.list(owner, "To do");
        String done = b.list(owner, "Done");
        String doing = created(api.post(b.path("/lists"), json("name", "Doing", "afterListId", todo), owner.accessToken())).getString("id");
        String bug = created(api.post(b.path("/labels"), json("name", "bug", "colour", "#D73A4A"), owner.accessToken())).getString("id");
        JsonObject card = created(api.request("POST", b.path("/cards")).bearer(member.accessToken()).json(Json.createObjectBuilder()
                .add("listId", todo).add("title", "Write the brief").add("description", "**Bold** <script>alert(1)</script>")
                .add("startAt", "2026-03-01T09:00:00Z").add("dueAt", "2026-03-10T18:00:00+09:00")
                .add("assigneeIds", array(owner.id(), member.id())).add("labelIds", array(bug)).build()).send());
        assertThat(card.getString("description")).isEqualTo("**Bold** <script>alert(1)</script>");
        assertThat(card.getString("dueAt")).isEqualTo("2026-03-10T09:00:00Z");
        assertThat(card.getJsonArray("assignees").getValuesAs(JsonObject.class)).as("by name").extracting(a -> a.getString("displayName"))
                .containsExactly("Board Member", "Board Owner");
        assertThat(card.getJsonArray("labels").getJsonObject(0).getString("colour")).isEqualTo("#d73a4a");
        String cardId = card.getString("id");
        String second = b.card(owner, todo, "Second");
        String item = created(api.post(b.path("/cards/" + cardId + "/checklist"), json("content", "Outline"), member.accessToken())).getString("id");
        created(api.post(b.path("/cards/" + cardId + "/checklist"), json("content", "Draft"), member.accessToken()));
        ok(api.patch(b.path("/cards/" + cardId + "/checklist/" + item), json("done", true), member.accessToken()));
        created(api.post(b.path("/cards/" + cardId + "/comments"), json("body", "First!"), owner.accessToken()));
        created(api.post(b.path("/cards/" + cardId + "/comments"), json("body", "Second"), member.accessToken()));
        ok(api.patch(b.path("/cards/" + second), json("archived", true), owner.accessToken()));
        created(put(api, b.path("/members/" + member.id()), owner));

        Reply viewed = api.get(b.path(""), member.accessToken());
        JsonObject view = ok(viewed);
        assertThat(viewed.header("ETag")).hasValue("\"" + view.getJsonNumber("version").longValue() + "\"");
        assertThat(view.getString("myRole")).isEqualTo("MEMBER");
        assertThat(view.getJsonArray("myActions").getValuesAs(JsonValue.class)).map(v -> ((jakarta.json.JsonString) v).getString())
                .contains("EDIT_CARDS", "MANAGE_LISTS").doesNotContain("DELETE_BOARD");
        assertThat(view.getJsonArray("lists").getValuesAs(JsonObject.class)).extracting(l -> l.getString("id"))
                .containsExactly(todo, doing, done);
        JsonObject summary = view.getJsonArray("lists").getJsonObject(0).getJsonArray("cards").getJsonObject(0);
        assertThat(view.getJsonArray("lists").getJsonObject(0).getJsonArray("cards")).as("the archived card is left out").hasSize(1);
        assertThat(summary.getString("id")).isEqualTo(cardId);
        assertThat(summary.getString("title")).isEqualTo("Write the brief");
        assertThat(summary.getString("dueAt")).isEqualTo("2026-03-10T09:00:00Z");
        assertThat(summary.getInt("comments")).isEqualTo(2);
        assertThat(summary.getJsonObject("checklist").getInt("done")).isEqualTo(1);
        assertThat(summary.getJsonObject("checklist").getInt("total")).isEqualTo(2);
        assertThat(summary.getJsonArray("labelIds").getString(0)).isEqualTo(bug);
        assertThat(summary.getJsonArray("assignees")).hasSize(2);
        assertThat(view.getJsonArray("members").getJsonObject(0).getString("accountId")).isEqualTo(member.id());
        assertThat(view.getJsonArray("members").getJsonObject(0).getString("role")).isEqualTo("MEMBER");
        assertThat(view.getJsonArray("labels").getJsonObject(0).getString("name")).isEqualTo("bug");

        JsonObject read = ok(api.get(b.path("/cards/" + cardId), owner.accessToken()));
        assertThat(read.getJsonArray("checklist").getValuesAs(JsonObject.class)).extracting(i -> i.getString("content"))
                .containsExactly("Outline", "Draft");
        assertThat(read.getInt("comments")).isEqualTo(2);
        JsonObject comments = ok(api.get(b.path("/cards/" + cardId + "/comments?limit=1"), owner.accessToken()));
        assertThat(comments.getJsonArray("items").getJsonObject(0).getString("body")).isEqualTo("First!");
        assertThat(comments.getJsonArray("items").getJsonObject(0).getString("authorName")).isEqualTo("Board Owner");
        JsonObject rest = ok(api.get(b.path("/cards/" + cardId + "/comments?limit=1&cursor=" + comments.getString("nextCursor")),
                owner.accessToken()));
        assertThat(rest.getJsonArray("items").getJsonObject(0).getString("body")).isEqualTo("Second");
        assertThat(rest.isNull("nextCursor")).isTrue();
        JsonObject archived = ok(api.get(b.path("/cards?archived=true"), owner.accessToken()));
        assertThat(archived.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(c -> c.getString("id")).containsExactly(second);

        JsonObject mine = ok(api.get(boards(ws), member.accessToken()));
        assertThat(mine.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(b.id());
        assertThat(mine.getJsonArray("items").getJsonObject(0).getInt("openCards")).isEqualTo(1);
    }

    @Test
    void theBoardViewAndMyBoardsCostTheSameStatementsForFewOrManyCards() {
        Api api = api();
        SignedIn owner = user("Counter");
        SignedIn member = user("Counted");
        String ws = workspace(api, owner, "Counting");
        join(api, owner, ws, member, MemberRole.MEMBER);
        Board small = filled(api, owner, member, ws, "Small", 3);
        int few = statements(api.get(small.path(""), owner.accessToken()));
        int fewBoards = statements(api.get(boards(ws), owner.accessToken()));

        Board large = filled(api, owner, member, ws, "Large", 60);
        for (int i = 0; i < 4; i++) {
            filled(api, owner, member, ws, "More " + i, 1);
        }
        Reply many = api.get(large.path(""), owner.accessToken());

        assertThat(ok(many).getJsonArray("lists").getValuesAs(JsonObject.class).stream()
                .mapToInt(l -> l.getJsonArray("cards").size()).sum()).isEqualTo(60);
        assertThat(statements(many)).as("the board view with 60 cards").isEqualTo(few).isLessThanOrEqualTo(12);
        Reply allBoards = api.get(boards(ws), owner.accessToken());
        assertThat(ok(allBoards).getJsonArray("items")).hasSize(6);
        assertThat(statements(allBoards)).as("my boards with six boards").isEqualTo(fewBoards).isLessThanOrEqualTo(4);
        Reply archived = api.get(large.path("/cards?archived=true"), owner.accessToken());
        assertThat(statements(archived)).isLessThanOrEqualTo(8);
    }

    /** A board with two lists and {@code cards} cards, each with an assignee, a label, a comment and a checklist item. */
    private static Board filled(Api api, SignedIn owner, SignedIn member, String ws, String name, int cards) {
        Board board = board(api, owner, ws, name);
        List<String> lists = List.of(board.list(owner, "A"), board.list(owner, "B"));
        String label = created(api.post(board.path("/labels"), json("name", "l", "colour", "#123456"), owner.accessToken())).getString("id");
        for (int i = 0; i < cards; i++) {
            String card = created(api.request("POST", board.path("/cards")).bearer(owner.accessToken()).json(Json.createObjectBuilder()
                    .add("listId", lists.get(i % 2)).add("title", "Card " + i)
                    .add("assigneeIds", array(i % 2 == 0 ? owner.id() : member.id())).add("labelIds", array(label)).build()).send())
                    .getString("id");
            created(api.post(board.path("/cards/" + card + "/comments"), json("body", "c"), owner.accessToken()));
            created(api.post(board.path("/cards/" + card + "/checklist"), json("content", "x"), owner.accessToken()));
        }
        return board;
    }

    @Test
    void theOpenApiDocumentDescribesTheBoardsApiWithExamples() {
        JsonObject openapi = ok(api().request("GET", "/openapi").header("Accept", "application/json").send());
        assertThat(openapi.getJsonObject("paths").keySet()).contains(
                "/api/v1/workspaces/{workspaceId}/boards",
                "/api/v1/workspaces/{workspaceId}/boards/{boardId}",
                "/api/v1/workspaces/{workspaceId}/boards/{boardId}/cards/{cardId}/move",
                "/api/v1/workspaces/{workspaceId}/boards/{boardId}/lists/{listId}/move",
                "/api/v1/workspaces/{workspaceId}/boards/{boardId}/cards/{cardId}/comments",
                "/api/v1/workspaces/{workspaceId}/boards/{boardId}/activity");
        JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.keySet()).contains("BoardDetail", "CardSummary", "Card", "CreateCardRequest", "MoveCardRequest", "Activity");
        assertThat(schemas.getJsonObject("CreateBoardRequest").getJsonObject("properties").getJsonObject("name").getString("example"))
                .isEqualTo("Launch");
    }

    // ---------------------------------------------------------------- moving

    @Test
    void cardsMoveWithinAndAcrossListsAndListsMoveToo() {
        Api api = api();
        SignedIn owner = user("Mover");
        String ws = workspace(api, owner, "Moves");
        Board b = board(api, owner, ws, "Kanban");
        String todo = b.list(owner, "To do");
        String doing = b.list(owner, "Doing");
        String c1 = b.card(owner, todo, "1");
        String c2 = b.card(owner, todo, "2");
        String c3 = b.card(owner, todo, "3");

        ok(api.post(b.path("/cards/" + c3 + "/move"), json("beforeCardId", c1), owner.accessToken()));
        assertThat(b.order(owner).get("To do")).containsExactly(c3, c1, c2);
        ok(api.post(b.path("/cards/" + c3 + "/move"), json("afterCardId", c1), owner.accessToken()));
        assertThat(b.order(owner).get("To do")).containsExactly(c1, c3, c2);
        JsonObject moved = ok(api.post(b.path("/cards/" + c1 + "/move"), json("listId", doing), owner.accessToken()));
        assertThat(moved.getString("listId")).isEqualTo(doing);
        String c4 = created(api.post(b.path("/cards"), json("listId", doing, "title", "4", "beforeCardId", c1), owner.accessToken()))
                .getString("id");
        assertThat(b.order(owner)).containsExactly(Map.entry("To do", List.of(c3, c2)), Map.entry("Doing", List.of(c4, c1)));

        ok(api.post(b.path("/lists/" + doing + "/move"), json("beforeListId", todo), owner.accessToken()));
        assertThat(b.order(owner).keySet()).containsExactly("Doing", "To do");
        ok(api.patch(b.path("/lists/" + doing), json("archived", true), owner.accessToken()));
        assertThat(b.order(owner).keySet()).containsExactly("To do");
        assertThat(ok(api.get(boards(ws), owner.accessToken())).getJsonArray("items").getJsonObject(0).getInt("openCards")).isEqualTo(2);
        ok(api.patch(b.path("/lists/" + doing), json("archived", false), owner.accessToken()));
        assertThat(b.order(owner)).containsExactly(Map.entry("Doing", List.of(c4, c1)), Map.entry("To do", List.of(c3, c2)));

        assertProblem(api.post(b.path("/cards/" + c2 + "/move"), json("afterCardId", c2), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(b.path("/cards/" + c2 + "/move"), json("afterCardId", c1), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(b.path("/cards/" + c2 + "/move"), json("listId", "nope"), owner.accessToken()), 400, "/problems/validation");
        assertThat(b.order(owner).get("To do")).containsExactly(c3, c2);
    }

    @Test
    void manyParallelMovesEndInOneConsistentOrderWithNoCardLostOrDoubled() throws Exception {
        Api api = api();
        SignedIn owner = user("Racer");
        String ws = workspace(api, owner, "Races");
        Board b = board(api, owner, ws, "Race track");
        String from = b.list(owner, "From");
        String to = b.list(owner, "To");
        String anchor = b.card(owner, to, "Anchor");
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cards.add(b.card(owner, from, "Card " + i));
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put(from, new ArrayList<>(cards));
        lists.put(to, new ArrayList<>(List.of(anchor)));

        // Round one: everyone drops their card right after the anchor at once.
        List<Callable<Reply>> moves = new ArrayList<>();
        for (String card : cards) {
            moves.add(() -> api().post(b.path("/cards/" + card + "/move"), json("listId", to, "afterCardId", anchor), owner.accessToken()));
        }
        // Round two: random moves inside and across both lists, also at once.
        Random random = new Random(7);
        List<String> all = new ArrayList<>(cards);
        all.add(anchor);
        List<Callable<Reply>> shuffles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String card = all.get(random.nextInt(all.size()));
            String other = all.get(random.nextInt(all.size()));
            String target = random.nextBoolean() ? from : to;
            JsonObject body = switch (random.nextInt(3)) {
                case 0 -> json("listId", target);
                case 1 -> json("afterCardId", other);
                default -> json("beforeCardId", other);
            };
            shuffles.add(() -> api().post(b.path("/cards/" + card + "/move"), body, owner.accessToken()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Reply> reply : pool.invokeAll(moves)) {
                assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
            }
            Map<String, List<String>> afterRoundOne = b.order(owner);
            assertThat(afterRoundOne.get("From")).isEmpty();
            assertThat(afterRoundOne.get("To")).hasSize(31).startsWith(anchor).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(all);
            for (Future<Reply> reply : pool.invokeAll(shuffles)) {
                // A card named as its own neighbour, or a neighbour in another list, is a 400; nothing else may fail.
                assertThat(reply.get().status()).as(reply.get().toString()).isIn(200, 400);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, List<String>> order = b.order(owner);
        List<String> seen = new ArrayList<>();
        order.values().forEach(seen::addAll);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);

        // The activity log has every move in the order the board lock let them through; replaying
        // them one after the other must give exactly the order the board shows.
        List<JsonObject> log = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = ok(api.get(b.path("/activity?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)), owner.accessToken()));
            log.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        Collections.reverse(log);
        int replayed = 0;
        for (JsonObject entry : log) {
            if (!entry.getString("kind").equals("card.moved")) {
                continue;
            }
            replayed++;
            JsonObject d = entry.getJsonObject("details");
            String card = entry.getString("cardId");
            lists.values().forEach(l -> l.remove(card));
            List<String> target = lists.get(d.getString("toListId"));
            if (d.containsKey("afterCardId")) {
                target.add(target.indexOf(d.getString("afterCardId")) + 1, card);
            } else if (d.containsKey("beforeCardId")) {
                target.add(target.indexOf(d.getString("beforeCardId")), card);
            } else {
                target.add(card);
            }
        }
        assertThat(replayed).isGreaterThanOrEqualTo(30);
        assertThat(order.get("From")).isEqualTo(lists.get(from));
        assertThat(order.get("To")).isEqualTo(lists.get(to));
    }

    @Test
    void keysThatGrowTooLongAreRebalancedWithoutChangingTheOrder() {
        Api api = api();
        SignedIn owner = user("Squeezer");
        String ws = workspace(api, owner, "Squeeze");
        Board b = board(api, owner, ws, "Tight");
        String list = b.list(owner, "List");
        String first = b.card(owner, list, "first");
        String last = b.card(owner, list, "last");
        List<String> expected = new ArrayList<>(List.of(first));
        // Always right before "last": each key halves the same gap, so keys grow until rebalanced (64 characters).
        for (int i = 0; i < 400; i++) {
            String card = created(api.post(b.path("/cards"), json("listId", list, "title", "c" + i, "beforeCardId", last),
                    owner.accessToken())).getString("id");
            expected.add(card);
        }
        expected.add(last);
        assertThat(b.order(owner).get("List")).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- versions

    @Test
    void aStaleIfMatchAnswers409WithTheCurrentStateAndOverwritesNothing() {
        Api api = api();
        SignedIn owner = user("Versioner");
        String ws = workspace(api, owner, "Versions");
        Board b = board(api, owner, ws, "Versioned");
        String list = b.list(owner, "List");
        String card = b.card(owner, list, "Original");
        String etag = api.get(b.path("/cards/" + card), owner.accessToken()).header("ETag").orElseThrow();

        Reply first = api.request("PATCH", b.path("/cards/" + card)).bearer(owner.accessToken()).header("If-Match", etag)
                .json(json("title", "First")).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag").orElseThrow()).isNotEqualTo(etag);
        Reply stale = api.request("PATCH", b.path("/cards/" + card)).bearer(owner.accessToken()).header("If-Match", etag)
                .json(json("title", "Lost update")).send();
        assertProblem(stale, 409, "/problems/stale-version");
        JsonObject current = stale.json().getJsonObject("current");
        assertThat(current.getString("title")).isEqualTo("First");
        assertThat(current.getJsonNumber("version").longValue()).isEqualTo(first.json().getJsonNumber("version").longValue());
        assertThat(ok(api.get(b.path("/cards/" + card), owner.accessToken())).getString("title")).isEqualTo("First");

        // Assignees change the card's version too: a client holding the old one must reread.
        String afterFirst = first.header("ETag").orElseThrow();
        ok(api.request("PATCH", b.path("/cards/" + card)).bearer(owner.accessToken()).header("If-Match", afterFirst)
                .json(Json.createObjectBuilder().add("assigneeIds", array(owner.id())).build()).send());
        assertProblem(api.request("PATCH", b.path("/cards/" + card)).bearer(owner.accessToken()).header("If-Match", afterFirst)
                .json(json("title", "x")).send(), 409, "/problems/stale-version");

        String boardTag = api.get(b.path(""), owner.accessToken()).header("ETag").orElseThrow();
        ok(api.request("PATCH", b.path("")).bearer(owner.accessToken()).header("If-Match", boardTag).json(json("deadline", "2026-12-31")).send());
        Reply staleBoard = api.request("PATCH", b.path("")).bearer(owner.accessToken()).header("If-Match", boardTag)
                .json(json("name", "Overwritten")).send();
        assertProblem(staleBoard, 409, "/problems/stale-version");
        assertThat(staleBoard.json().getJsonObject("current").getString("deadline")).isEqualTo("2026-12-31");
        assertThat(staleBoard.json().getJsonObject("current").getString("name")).isEqualTo("Versioned");

        String listTag = "\"" + ok(api.patch(b.path("/lists/" + list), json("name", "Renamed"), owner.accessToken()))
                .getJsonNumber("version").longValue() + "\"";
        ok(api.patch(b.path("/lists/" + list), json("name", "Again"), owner.accessToken()));
        Reply staleList = api.request("PATCH", b.path("/lists/" + list)).bearer(owner.accessToken()).header("If-Match", listTag)
                .json(json("archived", true)).send();
        assertProblem(staleList, 409, "/problems/stale-version");
        assertThat(staleList.json().getJsonObject("current").getString("name")).isEqualTo("Again");
        assertProblem(api.request("PATCH", b.path("/lists/" + list)).bearer(owner.accessToken()).header("If-Match", "abc")
                .json(json("archived", true)).send(), 400, "/problems/validation");
        // Without If-Match the change applies to whatever is current.
        assertThat(ok(api.patch(b.path("/lists/" + list), json("archived", true), owner.accessToken())).getBoolean("archived")).isTrue();
    }

    // ---------------------------------------------------------------- limits

    @Test
    void lengthsAndCountsAreLimitedWithFieldErrors() {
        Api api = api();
        SignedIn owner = user("Limiter");
        String ws = workspace(api, owner, "Limits");
        assertField(api.post(boards(ws), json("name", "🎨".repeat(101)), owner.accessToken()), 400, "/problems/validation", "name");
        assertField(api.post(boards(ws), json("name", " "), owner.accessToken()), 400, "/problems/validation", "name");
        assertField(api.post(boards(ws), json("name", "ok", "colour", "blue"), owner.accessToken()), 400, "/problems/validation", "colour");
        assertField(api.post(boards(ws), json("name", "ok", "startDate", "2026-05-01", "deadline", "2026-04-01"), owner.accessToken()),
                400, "/problems/validation", "deadline");
        assertField(api.post(boards(ws), json("description", "no name"), owner.accessToken()), 400, "/problems/validation", "name");
        Board b = board(api, owner, ws, "🎨".repeat(100));
        String list = b.list(owner, "List");
        String card = b.card(owner, list, "가".repeat(300));
        assertField(api.post(b.path("/cards"), json("listId", list, "title", "가".repeat(301)), owner.accessToken()), 400,
                "/problems/validation", "title");
        assertField(api.post(b.path("/cards"), json("listId", list, "title", "t", "description", "x".repeat(20_001)), owner.accessToken()),
                400, "/problems/validation", "description");
        assertField(api.post(b.path("/cards"), json("listId", list, "title", "t", "dueAt", "tomorrow"), owner.accessToken()),
                400, "/problems/validation", "dueAt");
        assertField(api.post(b.path("/cards/" + card + "/comments"), json("body", "x".repeat(5001)), owner.accessToken()),
                400, "/problems/validation", "body");
        assertField(api.post(b.path("/cards/" + card + "/checklist"), json("content", "x".repeat(501)), owner.accessToken()),
                400, "/problems/validation", "content");
        assertField(api.post(b.path("/cards"), Json.createObjectBuilder().add("listId", list).add("title", "t")
                .add("assigneeIds", array("00000000-0000-0000-0000-000000000000")).build(), owner.accessToken()), 400,
                "/problems/validation", "assigneeIds");
        for (int i = 0; i < 50; i++) {
            created(api.post(b.path("/labels"), json("name", "l" + i, "colour", "#000000"), owner.accessToken()));
        }
        assertField(api.post(b.path("/labels"), json("name", "one too many", "colour", "#000000"), owner.accessToken()), 422,
                "/problems/board-limit-reached", "name");
        for (int i = 0; i < 100; i++) {
            created(api.post(b.path("/cards/" + card + "/checklist"), json("content", "i" + i), owner.accessToken()));
        }
        assertField(api.post(b.path("/cards/" + card + "/checklist"), json("content", "101"), owner.accessToken()), 422,
                "/problems/board-limit-reached", "content");
        assertField(api.get(boards(ws) + "?limit=201", owner.accessToken()), 400, "/problems/validation", "limit");
        assertField(api.get(b.path("/activity?cursor=garbage"), owner.accessToken()), 400, "/problems/validation", "cursor");
    }

    private static void assertField(Reply reply, int status, String type, String field) {
        assertProblem(reply, status, type);
        assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field")).contains(field);
    }

    // ---------------------------------------------------------------- activity and notifications

    @Test
    void everyChangeIsLoggedAndAssignmentsAndMentionsNotifyOthersOnly() {
        Api api = api();
        SignedIn owner = user("Notifier");
        SignedIn kim = user("Kim");
        SignedIn lee = user("Lee");
        SignedIn guest = user("Off Board Guest");
        String ws = workspace(api, owner, "Notices");
        join(api, owner, ws, kim, MemberRole.MEMBER);
        join(api, owner, ws, lee, MemberRole.MEMBER);
        join(api, owner, ws, guest, MemberRole.GUEST);
        Board b = board(api, owner, ws, "Notified");
        String list = b.list(owner, "List");

        String kimMention = "@[Kim](" + kim.id() + ")";
        String guestMention = "@[Guest](" + guest.id() + ")";
        JsonObject card = created(api.request("POST", b.path("/cards")).bearer(owner.accessToken()).json(Json.createObjectBuilder()
                .add("listId", list).add("title", "Plan").add("description", "For " + kimMention + " and " + guestMention)
                .add("assigneeIds", array(owner.id(), lee.id())).build()).send());
        String cardId = card.getString("id");

        assertThat(inbox(api, lee)).singleElement().satisfies(n -> {
            assertThat(n.getString("kind")).isEqualTo("card.assigned");
            assertThat(n.getString("subjectId")).isEqualTo(cardId);
            assertThat(n.getString("link")).isEqualTo("#/w/" + ws + "/boards/" + b.id() + "?card=" + cardId);
            assertThat(n.getString("title")).contains("Plan");
        });
        assertThat(inbox(api, kim)).extracting(n -> n.getString("kind")).containsExactly("card.mentioned");
        assertThat(inbox(api, owner)).as("never the actor").isEmpty();
        assertThat(inbox(api, guest)).as("a guest who cannot see the board is not told").isEmpty();

        String comment = created(api.post(b.path("/cards/" + cardId + "/comments"), json("body", "Thoughts, " + kimMention + "?"),
                lee.accessToken())).getString("id");
        assertThat(inbox(api, kim)).extracting(n -> n.getString("kind")).containsExactly("comment.mentioned", "card.mentioned");
        assertThat(inbox(api, kim).get(0).getString("excerpt")).isEqualTo("Thoughts, @Kim?");
        ok(api.patch(b.path("/cards/" + cardId + "/comments/" + comment), json("body", "Thoughts, " + kimMention + "? Edited."),
                lee.accessToken()));
        assertThat(inbox(api, kim)).as("an edit keeping a mention does not notify again").hasSize(2);
        assertProblem(api.patch(b.path("/cards/" + cardId + "/comments/" + comment), json("body", "Not mine"), kim.accessToken()),
                403, "/problems/forbidden");
        ok(api.request("PATCH", b.path("/cards/" + cardId)).bearer(kim.accessToken())
                .json(Json.createObjectBuilder().add("assigneeIds", array(lee.id(), kim.id())).build()).send());
        assertThat(inbox(api, lee)).as("already assigned: not again").hasSize(1);
        assertThat(inbox(api, kim)).as("assigning oneself tells nobody").hasSize(2);
        assertThat(inbox(api, owner)).as("being unassigned tells nobody").isEmpty();
        ok(api.request("PATCH", b.path("/cards/" + cardId)).bearer(kim.accessToken())
                .json(Json.createObjectBuilder().add("assigneeIds", array(lee.id(), kim.id(), owner.id())).build()).send());
        assertThat(inbox(api, owner)).extracting(n -> n.getString("kind")).containsExactly("card.assigned");

        JsonObject page = ok(api.get(b.path("/activity?limit=3"), owner.accessToken()));
        JsonObject assigned = page.getJsonArray("items").getJsonObject(0);
        assertThat(assigned.getString("kind")).isEqualTo("card.assigned");
        assertThat(assigned.getString("actorId")).isEqualTo(kim.id());
        assertThat(assigned.getString("actorName")).isEqualTo("Kim");
        assertThat(assigned.getString("cardId")).isEqualTo(cardId);
        assertThat(assigned.getJsonObject("details").getJsonArray("accountIds").getString(0)).isEqualTo(owner.id());
        List<String> ids = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(e -> {
            ids.add(e.getString("id"));
            kinds.add(e.getString("kind"));
        });
        String cursor = page.getString("nextCursor");
        while (cursor != null) {
            JsonObject next = ok(api.get(b.path("/activity?limit=3&cursor=" + cursor), owner.accessToken()));
            next.getJsonArray("items").getValuesAs(JsonObject.class).forEach(e -> {
                ids.add(e.getString("id"));
                kinds.add(e.getString("kind"));
            });
            cursor = next.isNull("nextCursor") ? null : next.getString("nextCursor");
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(kinds).containsExactlyInAnyOrder("board.created", "list.created", "card.created", "comment.added", "comment.edited",
                "card.assigned", "card.unassigned", "card.assigned");
        assertThat(kinds.get(kinds.size() - 1)).isEqualTo("board.created");
        assertThat(ok(api.get(b.path("/activity?cardId=" + cardId), owner.accessToken())).getJsonArray("items")).hasSize(6);
    }

    // ---------------------------------------------------------------- permissions

    /** One request per action by {@code caller}, on a fresh board where the owner made a list, a card and a comment. */
    private record Scene(Api api, SignedIn owner, SignedIn caller, SignedIn target, Board board, String list, String card, String comment) {
        String path(String rest) {
            return board.path(rest);
        }
    }

    private static Map<BoardAction, Function<Scene, Reply>> requests() {
        Map<BoardAction, Function<Scene, Reply>> requests = new EnumMap<>(BoardAction.class);
        requests.put(BoardAction.LIST_BOARDS, s -> s.api.get(boards(s.board.workspace()), s.caller.accessToken()));
        requests.put(BoardAction.CREATE_BOARD, s -> s.api.post(boards(s.board.workspace()), json("name", "New"), s.caller.accessToken()));
        requests.put(BoardAction.VIEW_BOARD, s -> s.api.get(s.path(""), s.caller.accessToken()));
        requests.put(BoardAction.UPDATE_BOARD, s -> s.api.patch(s.path(""), json("name", "Renamed"), s.caller.accessToken()));
        requests.put(BoardAction.DELETE_BOARD, s -> s.api.delete(s.path(""), s.caller.accessToken()));
        requests.put(BoardAction.MANAGE_BOARD_MEMBERS, s -> put(s.api, s.path("/members/" + s.target.id()), s.caller));
        requests.put(BoardAction.MANAGE_LISTS, s -> s.api.post(s.path("/lists"), json("name", "L"), s.caller.accessToken()));
        requests.put(BoardAction.MANAGE_LABELS, s -> s.api.post(s.path("/labels"), json("name", "L", "colour", "#000000"), s.caller.accessToken()));
        requests.put(BoardAction.EDIT_CARDS, s -> s.api.post(s.path("/cards"), json("listId", s.list, "title", "C"), s.caller.accessToken()));
        requests.put(BoardAction.COMMENT, s -> s.api.post(s.path("/cards/" + s.card + "/comments"), json("body", "Hi"), s.caller.accessToken()));
        requests.put(BoardAction.MODERATE_COMMENTS, s -> s.api.delete(s.path("/cards/" + s.card + "/comments/" + s.comment), s.caller.accessToken()));
        requests.put(BoardAction.VIEW_ACTIVITY, s -> s.api.get(s.path("/activity"), s.caller.accessToken()));
        return requests;
    }

    @Test
    void everyRoleMayDoExactlyWhatTheBoardMatrixSaysAndGuestsOffTheBoardSeeNothing() {
        Api api = api();
        SignedIn owner = user("Matrix Owner");
        SignedIn target = user("Matrix Target");
        String ws = workspace(api, owner, "Matrix");
        join(api, owner, ws, target, MemberRole.MEMBER);
        Map<MemberRole, SignedIn> callers = new EnumMap<>(MemberRole.class);
        for (MemberRole role : MemberRole.values()) {
            callers.put(role, user("Matrix " + role));
            join(api, owner, ws, callers.get(role), role);
        }
        SignedIn offBoardGuest = user("Matrix Guest Off Board");
        join(api, owner, ws, offBoardGuest, MemberRole.GUEST);
        Map<BoardAction, Function<Scene, Reply>> requests = requests();
        assertThat(requests.keySet()).as("every action has a request").containsExactlyInAnyOrder(BoardAction.values());

        List<String> mismatches = new ArrayList<>();
        for (BoardAction action : BoardAction.values()) {
            for (MemberRole role : MemberRole.values()) {
                Scene scene = scene(api, owner, callers.get(role), target, ws, action + " by " + role);
                if (role == MemberRole.GUEST) {
                    created(put(api, scene.path("/members/" + callers.get(role).id()), owner));
                }
                Reply reply = requests.get(action).apply(scene);
                boolean allowed = action.allows(role);
                boolean asExpected = allowed ? reply.status() / 100 == 2
                        : reply.status() == 403 && reply.problemType().equals("/problems/forbidden");
                if (!asExpected) {
                    mismatches.add(role + " " + action + " (expected " + (allowed ? "2xx" : "403") + "): " + reply);
                }
            }
            Scene scene = scene(api, owner, offBoardGuest, target, ws, action + " by a guest off the board");
            Reply reply = requests.get(action).apply(scene);
            boolean asExpected = switch (action) {
                case LIST_BOARDS -> reply.status() == 200 && !reply.body().contains(scene.board.id());
                case CREATE_BOARD -> reply.status() == 403;
                default -> reply.status() == 404 && reply.problemType().equals("/problems/not-found")
                        && !reply.body().contains(action + " by a guest");
            };
            if (!asExpected) {
                mismatches.add("GUEST off the board " + action + ": " + reply);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static Scene scene(Api api, SignedIn owner, SignedIn caller, SignedIn target, String ws, String name) {
        Board board = board(api, owner, ws, name);
        String list = board.list(owner, "List");
        String card = board.card(owner, list, "Card");
        String comment = created(api.post(board.path("/cards/" + card + "/comments"), json("body", "By the owner"), owner.accessToken()))
                .getString("id");
        return new Scene(api, owner, caller, target, board, list, card, comment);
    }

    @Test
    void aGuestSeesABoardOnlyWhileOnItsMemberList() {
        Api api = api();
        SignedIn owner = user("Guest Host");
        SignedIn guest = user("Visiting Guest");
        String ws = workspace(api, owner, "Guests");
        join(api, owner, ws, guest, MemberRole.GUEST);
        Board hidden = board(api, owner, ws, "Internal");
        Board shared = board(api, owner, ws, "Shared");
        String list = shared.list(owner, "List");

        assertThat(ok(api.get(boards(ws), guest.accessToken())).getJsonArray("items")).isEmpty();
        assertProblem(api.get(shared.path(""), guest.accessToken()), 404, "/problems/not-found");
        JsonObject added = created(put(api, shared.path("/members/" + guest.id()), owner));
        assertThat(added.getString("accountId")).isEqualTo(guest.id());
        assertThat(added.getString("role")).isEqualTo("GUEST");
        assertThat(ok(put(api, shared.path("/members/" + guest.id()), owner)).getString("accountId")).as("again: 200").isEqualTo(guest.id());

        JsonObject mine = ok(api.get(boards(ws), guest.accessToken()));
        assertThat(mine.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(o -> o.getString("id")).containsExactly(shared.id());
        assertThat(ok(api.get(shared.path(""), guest.accessToken())).getString("myRole")).isEqualTo("GUEST");
        String card = shared.card(guest, list, "By the guest");
        assertProblem(api.get(hidden.path(""), guest.accessToken()), 404, "/problems/not-found");
        assertProblem(api.post(shared.path("/lists"), json("name", "No"), guest.accessToken()), 403, "/problems/forbidden");

        assertThat(api.delete(shared.path("/members/" + guest.id()), owner.accessToken()).status()).isEqualTo(204);
        assertProblem(api.get(shared.path(""), guest.accessToken()), 404, "/problems/not-found");
        assertProblem(api.get(shared.path("/cards/" + card), guest.accessToken()), 404, "/problems/not-found");
        assertThat(ok(api.get(boards(ws), guest.accessToken())).getJsonArray("items")).isEmpty();
        assertField(api.request("PUT", shared.path("/members/" + user("Stranger").id())).bearer(owner.accessToken()).send(), 400,
                "/problems/validation", "accountId");
    }

    @Test
    void someoneElsesIdsAnswer404AndNoData() {
        Api api = api();
        SignedIn alice = user("Alice Boards");
        SignedIn mallory = user("Mallory Boards");
        String secretWs = workspace(api, alice, "Secret Workspace");
        Board secret = board(api, alice, secretWs, "Secret Board");
        String list = secret.list(alice, "Secret List");
        String card = secret.card(alice, list, "Secret Card");
        String label = created(api.post(secret.path("/labels"), json("name", "Secret Label", "colour", "#000000"), alice.accessToken()))
                .getString("id");
        String item = created(api.post(secret.path("/cards/" + card + "/checklist"), json("content", "Secret Item"), alice.accessToken()))
                .getString("id");
        String comment = created(api.post(secret.path("/cards/" + card + "/comments"), json("body", "Secret Comment"), alice.accessToken()))
                .getString("id");
        String ownWs = workspace(api, mallory, "Mallory's");
        Board own = board(api, mallory, ownWs, "Mallory's board");
        String ownList = own.list(mallory, "Mine");
        String ownCard = own.card(mallory, ownList, "Mine");
        // Alice's board under Mallory's workspace path, and Mallory's board with Alice's inner ids.
        Board smuggled = new Board(api, ownWs, secret.id());
        String m = mallory.accessToken();

        List<Reply> replies = new ArrayList<>();
        for (Board b : List.of(secret, smuggled)) {
            replies.addAll(List.of(
                    api.get(b.path(""), m),
                    api.patch(b.path(""), json("name", "Pwned"), m),
                    api.request("PATCH", b.path("")).bearer(m).header("If-Match", "\"0\"").json(json("name", "Pwned")).send(),
                    api.delete(b.path(""), m),
                    api.get(b.path("/members"), m),
                    put(api, b.path("/members/" + mallory.id()), mallory),
                    api.delete(b.path("/members/" + alice.id()), m),
                    api.get(b.path("/lists"), m),
                    api.post(b.path("/lists"), json("name", "Pwned"), m),
                    api.patch(b.path("/lists/" + list), json("name", "Pwned"), m),
                    api.post(b.path("/lists/" + list + "/move"), json(), m),
                    api.get(b.path("/labels"), m),
                    api.post(b.path("/labels"), json("name", "x", "colour", "#000000"), m),
                    api.patch(b.path("/labels/" + label), json("name", "Pwned"), m),
                    api.delete(b.path("/labels/" + label), m),
                    api.get(b.path("/cards?archived=true"), m),
                    api.post(b.path("/cards"), json("listId", list, "title", "Pwned"), m),
                    api.get(b.path("/cards/" + card), m),
                    api.patch(b.path("/cards/" + card), json("title", "Pwned"), m),
                    api.post(b.path("/cards/" + card + "/move"), json(), m),
                    api.post(b.path("/cards/" + card + "/checklist"), json("content", "x"), m),
                    api.patch(b.path("/cards/" + card + "/checklist/" + item), json("done", true), m),
                    api.delete(b.path("/cards/" + card + "/checklist/" + item), m),
                    api.get(b.path("/cards/" + card + "/comments"), m),
                    api.post(b.path("/cards/" + card + "/comments"), json("body", "x"), m),
                    api.patch(b.path("/cards/" + card + "/comments/" + comment), json("body", "x"), m),
                    api.delete(b.path("/cards/" + card + "/comments/" + comment), m),
                    api.get(b.path("/activity"), m)));
        }
        replies.addAll(List.of(
                api.get(boards(secretWs), m),
                api.post(boards(secretWs), json("name", "Pwned"), m),
                api.patch(own.path("/lists/" + list), json("name", "Pwned"), m),
                api.post(own.path("/lists/" + list + "/move"), json(), m),
                api.patch(own.path("/labels/" + label), json("name", "Pwned"), m),
                api.delete(own.path("/labels/" + label), m),
                api.get(own.path("/cards/" + card), m),
                api.patch(own.path("/cards/" + card), json("title", "Pwned"), m),
                api.post(own.path("/cards/" + card + "/move"), json(), m),
                api.post(own.path("/cards/" + card + "/checklist"), json("content", "x"), m),
                api.patch(own.path("/cards/" + card + "/checklist/" + item), json("done", true), m),
                api.patch(own.path("/cards/" + ownCard + "/checklist/" + item), json("done", true), m),
                api.delete(own.path("/cards/" + ownCard + "/checklist/" + item), m),
                api.get(own.path("/cards/" + card + "/comments"), m),
                api.patch(own.path("/cards/" + ownCard + "/comments/" + comment), json("body", "x"), m),
                api.delete(own.path("/cards/" + ownCard + "/comments/" + comment), m)));

        for (Reply reply : replies) {
            assertProblem(reply, 404, "/problems/not-found");
            assertThat(reply.body()).doesNotContain("Secret").doesNotContain(alice.email());
        }
        // Moves and new cards in Mallory's own board that name Alice's cards or lists as neighbours.
        assertProblem(api.post(own.path("/cards/" + ownCard + "/move"), json("afterCardId", card), m), 400, "/problems/validation");
        assertProblem(api.post(own.path("/cards/" + ownCard + "/move"), json("listId", list), m), 400, "/problems/validation");
        assertProblem(api.post(own.path("/cards"), json("listId", list, "title", "x"), m), 400, "/problems/validation");
        assertProblem(api.post(own.path("/lists/" + ownList + "/move"), json("afterListId", list), m), 400, "/problems/validation");
        assertProblem(api.request("PATCH", own.path("/cards/" + ownCard)).bearer(m)
                .json(Json.createObjectBuilder().add("labelIds", array(label)).build()).send(), 400, "/problems/validation");

        JsonObject after = secret.view(alice);
        assertThat(after.getString("name")).isEqualTo("Secret Board");
        assertThat(after.getJsonArray("lists")).hasSize(1);
        assertThat(after.getJsonArray("lists").getJsonObject(0).getString("name")).isEqualTo("Secret List");
        assertThat(after.getJsonArray("labels")).hasSize(1);
        JsonObject secretCard = ok(api.get(secret.path("/cards/" + card), alice.accessToken()));
        assertThat(secretCard.getString("title")).isEqualTo("Secret Card");
        assertThat(secretCard.getJsonArray("checklist").getJsonObject(0).getBoolean("done")).isFalse();
        assertThat(secretCard.getInt("comments")).isEqualTo(1);
        assertThat(ok(api.get(own.path(""), m)).getJsonArray("lists").getJsonObject(0).getJsonArray("cards")).hasSize(1);
    }

    @Test
    void aDeletedWorkspaceHidesItsBoardsUntilRestored() {
        Api api = api();
        SignedIn owner = user("Soft Deleter");
        String ws = workspace(api, owner, "Soft");
        Board b = board(api, owner, ws, "Hidden with it");
        String list = b.list(owner, "List");
        String card = b.card(owner, list, "Card");

        assertThat(api.delete("/api/v1/workspaces/" + ws, owner.accessToken()).status()).isEqualTo(204);

        assertProblem(api.get(b.path(""), owner.accessToken()), 404, "/problems/not-found");
        assertProblem(api.get(boards(ws), owner.accessToken()), 404, "/problems/not-found");
        assertProblem(api.get(b.path("/cards/" + card), owner.accessToken()), 404, "/problems/not-found");
        assertProblem(api.post(b.path("/cards"), json("listId", list, "title", "x"), owner.accessToken()), 404, "/problems/not-found");
        ok(api.post("/api/v1/workspaces/" + ws + "/restore", json(), owner.accessToken()));
        assertThat(b.order(owner).get("List")).containsExactly(card);
    }

    @Test
    void deletingABoardTakesEverythingOnItAndArchivingKeepsIt() {
        Api api = api();
        SignedIn owner = user("Archiver");
        String ws = workspace(api, owner, "Archive");
        Board kept = board(api, owner, ws, "Kept");
        Board gone = board(api, owner, ws, "Gone");
        String list = gone.list(owner, "List");
        gone.card(owner, list, "Card");

        ok(api.patch(kept.path(""), json("archived", true), owner.accessToken()));
        assertThat(ok(api.get(boards(ws), owner.accessToken())).getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("id")).containsExactly(gone.id());
        assertThat(ok(api.get(boards(ws) + "?archived=true", owner.accessToken())).getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("id")).containsExactly(kept.id());
        assertThat(kept.view(owner).getBoolean("archived")).isTrue();

        assertThat(api.delete(gone.path(""), owner.accessToken()).status()).isEqualTo(204);
        assertProblem(api.get(gone.path(""), owner.accessToken()), 404, "/problems/not-found");
        assertProblem(api.delete(gone.path(""), owner.accessToken()), 404, "/problems/not-found");
    }
}
