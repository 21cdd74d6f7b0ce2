package org.moim.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.calendar.control.CalendarAction;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;
import org.moim.workspace.entity.MemberRole;

/** Calendar events, the range query, permissions, notifications and the iCalendar feed through the real HTTP API. */
@ExtendWith(ArquillianExtension.class)
class CalendarIT {

    private static final String WORKSPACES = "/api/v1/workspaces";
    private static final String FEED = "/api/v1/me/calendar-feed";

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

    private static String workspace(Api api, SignedIn owner, String name) {
        Reply created = api.post(WORKSPACES, json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    /** Brings {@code who} in with {@code role}: invited, accepting, promoted to owner if asked. */
    private static void join(Api api, SignedIn owner, String workspace, SignedIn who, MemberRole role) {
        Reply invited = api.post(WORKSPACES + "/" + workspace + "/invitations",
                json("email", who.email(), "role", role == MemberRole.OWNER ? "MANAGER" : role.name()), owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isIn(200, 201);
        Reply accepted = api.post("/api/v1/me/invitations/" + invited.json().getString("id") + "/accept", json(), who.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        if (role == MemberRole.OWNER) {
            changeRole(api, owner, workspace, who, MemberRole.OWNER);
        }
    }

    private static void changeRole(Api api, SignedIn owner, String workspace, SignedIn who, MemberRole role) {
        Reply changed = api.patch(WORKSPACES + "/" + workspace + "/members/" + who.id(), json("role", role.name()), owner.accessToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private static String calendar(String workspace) {
        return WORKSPACES + "/" + workspace + "/calendar";
    }

    private static String events(String workspace) {
        return calendar(workspace) + "/events";
    }

    private static JsonObject timed(String title, String start, String end, String... attendees) {
        return event(title, false, start, end, attendees);
    }

    private static JsonObject event(String title, boolean allDay, String start, String end, String... attendees) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("title", title).add("allDay", allDay).add("start", start);
        if (end != null) {
            body.add("end", end);
        }
        JsonArrayBuilder people = Json.createArrayBuilder();
        for (String attendee : attendees) {
            people.add(attendee);
        }
        return body.add("attendees", people).build();
    }

    private static JsonObject create(Api api, SignedIn who, String workspace, JsonObject event) {
        Reply created = api.post(events(workspace), event, who.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static Reply range(Api api, SignedIn who, String workspace, String query) {
        return api.get(calendar(workspace) + "?" + query, who.accessToken());
    }

    private static List<String> itemIds(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).isEqualTo(type);
    }

    private static int statements(Reply reply) {
        return Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow());
    }

    // ---------------------------------------------------------------- events

    @Test
    void anEventIsCreatedReadChangedAndDeletedWithVersionsAsETags() {
        Api api = api();
        SignedIn owner = user("Cal Owner");
        SignedIn member = user("Cal Member");
        String ws = workspace(api, owner, "Calendar CRUD");
        join(api, owner, ws, member, MemberRole.MEMBER);

        JsonObject body = Json.createObjectBuilder(timed("분기 회의 Review", "2025-03-04T10:00:00+09:00", "2025-03-04T11:30:00+09:00", member.id()))
                .add("description", "Agenda\nsecond line").add("location", "회의실 3").build();
        Reply created = api.post(events(ws), body, owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject event = created.json();
        String id = event.getString("id");
        assertThat(created.header("Location").orElseThrow()).endsWith("/calendar/events/" + id);
        assertThat(event.getString("kind")).isEqualTo("event");
        assertThat(event.getString("start")).isEqualTo("2025-03-04T01:00:00Z");
        assertThat(event.getString("end")).isEqualTo("2025-03-04T02:30:00Z");
        assertThat(event.getBoolean("allDay")).isFalse();
        assertThat(event.getString("description")).isEqualTo("Agenda\nsecond line");
        assertThat(event.getString("location")).isEqualTo("회의실 3");
        assertThat(event.getJsonArray("attendees").getJsonObject(0).getString("accountId")).isEqualTo(member.id());
        assertThat(event.getJsonArray("attendees").getJsonObject(0).getString("displayName")).isEqualTo("Cal Member");
        assertThat(event.getJsonObject("createdBy").getString("accountId")).isEqualTo(owner.id());
        assertThat(event.getBoolean("canEdit")).isTrue();
        String etag = created.header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + event.getJsonNumber("version").longValue() + "\"");

        Reply read = api.get(events(ws) + "/" + id, member.accessToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getString("title")).isEqualTo("분기 회의 Review");
        assertThat(read.json().getBoolean("canEdit")).as("a member may not edit the owner's event").isFalse();

        Reply changed = api.request("PATCH", events(ws) + "/" + id).bearer(owner.accessToken()).header("If-Match", etag)
                .json(json("title", "Renamed", "location", "", "allDay", true, "start", "2025-03-05")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("title")).isEqualTo("Renamed");
        assertThat(changed.json().getString("location")).isEmpty();
        assertThat(changed.json().getString("start")).isEqualTo("2025-03-05");
        assertThat(changed.json().getString("end")).isEqualTo("2025-03-06");
        assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(etag);

        Reply stale = api.request("PATCH", events(ws) + "/" + id).bearer(owner.accessToken()).header("If-Match", etag)
                .json(json("title", "Lost update")).send();
        assertProblem(stale, 409, "/problems/stale-version");
        assertProblem(api.request("DELETE", events(ws) + "/" + id).bearer(owner.accessToken()).header("If-Match", etag).send(),
                409, "/problems/stale-version");
        assertThat(api.get(events(ws) + "/" + id, owner.accessToken()).json().getString("title")).isEqualTo("Renamed");

        Reply deleted = api.request("DELETE", events(ws) + "/" + id).bearer(owner.accessToken())
                .header("If-Match", changed.header("ETag").orElseThrow()).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertProblem(api.get(events(ws) + "/" + id, owner.accessToken()), 404, "/problems/not-found");
    }

    @Test
    void attendeesAreTheWorkspacesMembersAndAreNotifiedWhenAdded() {
        Api api = api();
        SignedIn owner = user("Notify Owner");
        SignedIn first = user("Notify First");
        SignedIn second = user("Notify Second");
        SignedIn stranger = user("Notify Stranger");
        String ws = workspace(api, owner, "Invitations to events");
        join(api, owner, ws, first, MemberRole.MEMBER);
        join(api, owner, ws, second, MemberRole.GUEST);

        Reply notMember = api.post(events(ws), timed("Secret", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z", stranger.id()),
                owner.accessToken());
        assertProblem(notMember, 400, "/problems/validation");
        assertThat(notMember.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("attendees[0]");

        String id = create(api, owner, ws, timed("Planning", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z", first.id(), owner.id()))
                .getString("id");
        assertThat(invitationsTo(api, first, id)).isEqualTo(1);
        assertThat(invitationsTo(api, owner, id)).as("never told of one's own doing").isZero();

        Reply added = api.patch(events(ws) + "/" + id, Json.createObjectBuilder()
                .add("attendees", Json.createArrayBuilder().add(first.id()).add(second.id())).build(), owner.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(invitationsTo(api, second, id)).isEqualTo(1);
        assertThat(invitationsTo(api, first, id)).as("still attending: not told again").isEqualTo(1);
        assertThat(api.get(events(ws) + "/" + id, second.accessToken()).status()).as("the guest attends now").isEqualTo(200);

        JsonObject notice = notifications(api, second).stream().filter(n -> id.equals(n.getString("subjectId", null))).findFirst().orElseThrow();
        assertThat(notice.getString("kind")).isEqualTo("event.invited");
        assertThat(notice.getString("title")).contains("Planning").contains("Notify Owner");
        assertThat(notice.getString("link")).isEqualTo("#/w/" + ws + "/calendar?event=" + id);
        assertThat(notifications(api, stranger)).isEmpty();
    }

    private static List<JsonObject> notifications(Api api, SignedIn who) {
        Reply inbox = api.get("/api/v1/me/notifications?limit=100", who.accessToken());
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        return inbox.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static long invitationsTo(Api api, SignedIn who, String eventId) {
        return notifications(api, who).stream()
                .filter(n -> "event.invited".equals(n.getString("kind")) && eventId.equals(n.getString("subjectId", null)))
                .count();
    }

    @Test
    void badInputAnswersProblemsNeverAServerError() {
        Api api = api();
        SignedIn owner = user("Bad Input");
        String ws = workspace(api, owner, "Bad input");
        String id = create(api, owner, ws, timed("Fine", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z")).getString("id");

        Map<String, JsonObject> invalid = Map.of(
                "end", timed("End before start", "2025-03-04T10:00:00Z", "2025-03-04T09:00:00Z"),
                "start", timed("No offset", "2025-03-04T10:00:00", "2025-03-04T11:00:00Z"));
        invalid.forEach((field, body) -> {
            Reply reply = api.post(events(ws), body, owner.accessToken());
            assertProblem(reply, 400, "/problems/validation");
            assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo(field);
        });
        assertProblem(api.post(events(ws), event("Bad date", true, "2025-02-30", null), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(events(ws), event("Same day", true, "2025-03-01", "2025-03-01"), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(events(ws), event("Year 10000", true, "+10000-01-01", null), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(events(ws), timed("x".repeat(201), "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z"), owner.accessToken()),
                400, "/problems/validation");
        assertProblem(api.post(events(ws), timed(" ", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z"), owner.accessToken()),
                400, "/problems/validation");
        assertProblem(api.post(events(ws), json("title", "No start"), owner.accessToken()), 400, "/problems/validation");
        JsonObject longDescription = Json.createObjectBuilder(timed("Long", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z"))
                .add("description", "가".repeat(4001)).build();
        assertProblem(api.post(events(ws), longDescription, owner.accessToken()), 400, "/problems/validation");
        JsonObject longLocation = Json.createObjectBuilder(timed("Far", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z"))
                .add("location", "x".repeat(501)).build();
        assertProblem(api.post(events(ws), longLocation, owner.accessToken()), 400, "/problems/validation");
        String[] crowd = new String[101];
        for (int i = 0; i < crowd.length; i++) {
            crowd[i] = java.util.UUID.randomUUID().toString();
        }
        Reply tooMany = api.post(events(ws), timed("Crowded", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z", crowd), owner.accessToken());
        assertProblem(tooMany, 400, "/problems/validation");
        assertThat(tooMany.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("attendees");
        assertThat(api.post(events(ws), Json.createObjectBuilder(timed("가".repeat(200), "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z"))
                .add("description", "가".repeat(4000)).add("location", "x".repeat(500)).build(), owner.accessToken()).status())
                .as("exactly at the limits, Korean counted as characters").isEqualTo(201);
        Reply wrongShape = api.request("POST", events(ws)).bearer(owner.accessToken()).body("application/json", "{\"title\": [1]}").send();
        assertThat(wrongShape.status()).as(wrongShape.toString()).isEqualTo(400);
        assertProblem(api.request("POST", events(ws)).bearer(owner.accessToken()).body("application/json", "{not json").send(),
                400, "/problems/malformed-request");
        assertProblem(api.patch(events(ws) + "/" + id, json("end", "2025-03-04T09:00:00Z"), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.request("PATCH", events(ws) + "/" + id).bearer(owner.accessToken()).header("If-Match", "\"abc\"")
                .json(json("title", "x")).send(), 400, "/problems/validation");

        assertProblem(range(api, owner, ws, "from=2025-01-01&to=2025-12-31"), 400, "/problems/calendar-range-too-long");
        assertProblem(range(api, owner, ws, "from=2025-03-02&to=2025-03-01"), 400, "/problems/validation");
        assertProblem(range(api, owner, ws, "from=2025-13-01&to=2025-03-01"), 400, "/problems/validation");
        assertProblem(range(api, owner, ws, "from=yesterday&to=2025-03-01"), 400, "/problems/validation");
        assertProblem(range(api, owner, ws, "to=2025-03-01"), 400, "/problems/validation");
        assertProblem(range(api, owner, ws, "from=2025-03-01&to=2025-03-02&tz=Mars/Olympus"), 400, "/problems/validation");
        assertThat(range(api, owner, ws, "from=2025-03-01&to=2025-05-02").status()).as("62 days are fine").isEqualTo(200);
    }

    // ---------------------------------------------------------------- range

    @Test
    void allDayEventsStayOnTheirDaysInEveryTimeZone() {
        Api api = api();
        SignedIn owner = user("Zones");
        String ws = workspace(api, owner, "Time zones");
        String allDay = create(api, owner, ws, event("삼일절 Holiday", true, "2025-03-01", null)).getString("id");
        // 23:30 UTC on 1 March is 08:30 on 2 March in Seoul and 15:30 on 1 March in Los Angeles.
        String late = create(api, owner, ws, timed("Late call", "2025-03-01T23:30:00Z", "2025-03-02T00:30:00Z")).getString("id");

        for (String zone : List.of("Asia/Seoul", "UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            Reply first = range(api, owner, ws, "from=2025-03-01&to=2025-03-02&tz=" + zone);
            assertThat(itemIds(first)).as("1 March in %s", zone).contains(allDay);
            JsonObject item = first.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(o -> o.getString("id").equals(allDay)).findFirst().orElseThrow();
            assertThat(item.getString("start")).isEqualTo("2025-03-01");
            assertThat(item.getString("end")).isEqualTo("2025-03-02");
            assertThat(item.getBoolean("allDay")).isTrue();
            assertThat(itemIds(range(api, owner, ws, "from=2025-02-28&to=2025-03-01&tz=" + zone))).as("28 February in %s", zone)
                    .doesNotContain(allDay);
            assertThat(itemIds(range(api, owner, ws, "from=2025-03-02&to=2025-03-03&tz=" + zone))).as("2 March in %s", zone)
                    .doesNotContain(allDay);
        }
        assertThat(itemIds(range(api, owner, ws, "from=2025-03-02&to=2025-03-03&tz=Asia/Seoul"))).containsExactly(late);
        assertThat(itemIds(range(api, owner, ws, "from=2025-03-01&to=2025-03-02&tz=America/Los_Angeles"))).contains(late);
        assertThat(itemIds(range(api, owner, ws, "from=2025-03-01&to=2025-03-02&tz=Asia/Seoul"))).doesNotContain(late);
        assertThat(itemIds(range(api, owner, ws, "from=2025-03-01T23:00:00Z&to=2025-03-01T23:31:00Z"))).containsExactly(allDay, late);

        // Without tz the caller's profile zone decides (a new account's zone is UTC unless set).
        Reply profile = api.patch("/api/v1/me", json("timeZone", "Asia/Seoul"), owner.accessToken());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        Reply seoul = range(api, owner, ws, "from=2025-03-02&to=2025-03-03");
        assertThat(seoul.json().getString("timeZone")).isEqualTo("Asia/Seoul");
        assertThat(itemIds(seoul)).containsExactly(late);
    }

    @Test
    void theRangeCostsAFixedNumberOfStatementsWhateverItHolds() {
        Api api = api();
        SignedIn owner = user("Counting");
        List<SignedIn> people = new ArrayList<>();
        String ws = workspace(api, owner, "Statement counts");
        for (int i = 0; i < 3; i++) {
            SignedIn person = user("Counted " + i);
            join(api, owner, ws, person, MemberRole.MEMBER);
            people.add(person);
        }
        create(api, owner, ws, timed("Only one", "2025-04-01T10:00:00Z", "2025-04-01T11:00:00Z", people.get(0).id()));
        Reply one = range(api, owner, ws, "from=2025-04-01&to=2025-05-01&tz=UTC");
        assertThat(itemIds(one)).hasSize(1);

        for (int i = 0; i < 14; i++) {
            String[] attendees = people.subList(0, 1 + i % 3).stream().map(SignedIn::id).toArray(String[]::new);
            create(api, people.get(i % 3), ws, i % 2 == 0
                    ? timed("Timed " + i, "2025-04-" + (10 + i) + "T10:00:00Z", "2025-04-" + (10 + i) + "T11:00:00Z", attendees)
                    : event("All day " + i, true, "2025-04-" + (10 + i), null, attendees));
        }
        Reply fifteen = range(api, owner, ws, "from=2025-04-01&to=2025-05-01&tz=UTC");
        assertThat(itemIds(fifteen)).hasSize(15);
        assertThat(statements(fifteen)).as("15 events with attendees cost what one does").isEqualTo(statements(one));
        assertThat(statements(fifteen)).isLessThanOrEqualTo(5);
        List<String> starts = fifteen.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("start").substring(0, 10)).toList();
        assertThat(starts).isSorted();
        assertThat(fifteen.json().getBoolean("truncated")).isFalse();
    }

    // ---------------------------------------------------------------- cards

    private static String board(Api api, SignedIn who, String workspace, String name) {
        Reply board = api.post(WORKSPACES + "/" + workspace + "/boards", json("name", name), who.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        return board.json().getString("id");
    }

    private static String list(Api api, SignedIn who, String workspace, String board) {
        Reply list = api.post(WORKSPACES + "/" + workspace + "/boards/" + board + "/lists", json("name", "To do"), who.accessToken());
        assertThat(list.status()).as(list.toString()).isEqualTo(201);
        return list.json().getString("id");
    }

    private static String card(Api api, SignedIn who, String workspace, String board, String list, String title, String startAt,
                               String dueAt, String... assignees) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("listId", list).add("title", title);
        if (startAt != null) {
            body.add("startAt", startAt);
        }
        if (dueAt != null) {
            body.add("dueAt", dueAt);
        }
        JsonArrayBuilder people = Json.createArrayBuilder();
        for (String assignee : assignees) {
            people.add(assignee);
        }
        Reply card = api.post(WORKSPACES + "/" + workspace + "/boards/" + board + "/cards", body.add("assigneeIds", people).build(),
                who.accessToken());
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        return card.json().getString("id");
    }

    @Test
    void theRangeShowsTheCardsOfBoardsTheCallerMaySeeMarkedAsCards() {
        Api api = api();
        SignedIn owner = user("Cards Owner");
        SignedIn guest = user("Cards Guest");
        String ws = workspace(api, owner, "Cards in the calendar");
        join(api, owner, ws, guest, MemberRole.GUEST);
        String shared = board(api, owner, ws, "Shared board");
        String internal = board(api, owner, ws, "Internal board");
        String archived = board(api, owner, ws, "Archived board");
        Reply added = api.request("PUT", WORKSPACES + "/" + ws + "/boards/" + shared + "/members/" + guest.id()).bearer(owner.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isIn(200, 201);
        String sharedList = list(api, owner, ws, shared);
        String internalList = list(api, owner, ws, internal);
        String archivedList = list(api, owner, ws, archived);

        String due = card(api, owner, ws, shared, sharedList, "Due in March", null, "2025-03-10T17:00:00Z");
        String startOnly = card(api, owner, ws, shared, sharedList, "Starts in March", "2025-03-05T09:00:00Z", null);
        String spanning = card(api, owner, ws, shared, sharedList, "Began in February", "2025-02-20T09:00:00Z", "2025-03-02T09:00:00Z");
        String later = card(api, owner, ws, shared, sharedList, "Due in May", null, "2025-05-10T17:00:00Z");
        String undated = card(api, owner, ws, shared, sharedList, "No dates", null, null);
        String archivedCard = card(api, owner, ws, shared, sharedList, "Archived card", null, "2025-03-11T17:00:00Z");
        assertThat(api.patch(WORKSPACES + "/" + ws + "/boards/" + shared + "/cards/" + archivedCard, json("archived", true),
                owner.accessToken()).status()).isEqualTo(200);
        String hidden = card(api, owner, ws, internal, internalList, "Internal card", null, "2025-03-12T17:00:00Z");
        String onArchivedBoard = card(api, owner, ws, archived, archivedList, "On an archived board", null, "2025-03-13T17:00:00Z");
        assertThat(api.patch(WORKSPACES + "/" + ws + "/boards/" + archived, json("archived", true), owner.accessToken()).status())
                .isEqualTo(200);
        String meeting = create(api, owner, ws, timed("Meeting", "2025-03-06T10:00:00Z", "2025-03-06T11:00:00Z")).getString("id");

        Reply ownersView = range(api, owner, ws, "from=2025-03-01&to=2025-04-01&tz=UTC");
        assertThat(itemIds(ownersView)).containsExactly(spanning, startOnly, meeting, due, hidden)
                .doesNotContain(later, undated, archivedCard, onArchivedBoard);
        JsonObject card = ownersView.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("id").equals(due)).findFirst().orElseThrow();
        assertThat(card.getString("kind")).isEqualTo("card");
        assertThat(card.getString("boardId")).isEqualTo(shared);
        assertThat(card.getString("boardName")).isEqualTo("Shared board");
        assertThat(card.getString("link")).isEqualTo("#/w/" + ws + "/boards/" + shared + "?card=" + due);
        assertThat(card.getString("start")).isEqualTo("2025-03-10T17:00:00Z");
        assertThat(card.getString("dueAt")).isEqualTo("2025-03-10T17:00:00Z");
        assertThat(!card.containsKey("startAt") || card.isNull("startAt")).as("a card without start").isTrue();
        assertThat(ownersView.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("id").equals(meeting)).findFirst().orElseThrow().getString("kind")).isEqualTo("event");

        Reply guestsView = range(api, guest, ws, "from=2025-03-01&to=2025-04-01&tz=UTC");
        assertThat(itemIds(guestsView)).as("a guest: only cards of boards they are on, no events they do not attend")
                .containsExactly(spanning, startOnly, due);
        assertThat(guestsView.body()).doesNotContain("Internal").doesNotContain("Meeting");

        // More cards cost no more statements.
        int before = statements(ownersView);
        for (int i = 0; i < 8; i++) {
            card(api, owner, ws, internal, internalList, "More " + i, "2025-03-2" + i + "T09:00:00Z", "2025-03-2" + (i + 1) + "T09:00:00Z");
        }
        Reply more = range(api, owner, ws, "from=2025-03-01&to=2025-04-01&tz=UTC");
        assertThat(itemIds(more)).hasSize(13);
        assertThat(statements(more)).isEqualTo(before);
    }

    @Test
    void theFeedHoldsDueCardsAssignedToThePersonOnBoardsTheyMaySee() throws Exception {
        Api api = api();
        SignedIn owner = user("Feed Cards Owner");
        SignedIn member = user("Feed Cards Member");
        String ws = workspace(api, owner, "Feed cards");
        join(api, owner, ws, member, MemberRole.MEMBER);
        String board = board(api, owner, ws, "출시 Release");
        String list = list(api, owner, ws, board);
        String assigned = card(api, owner, ws, board, list, "출시 Ship it", null, "2099-03-05T09:00:00Z", member.id());
        String notAssigned = card(api, owner, ws, board, list, "Someone else's", null, "2099-03-06T09:00:00Z", owner.id());
        String noDue = card(api, owner, ws, board, list, "No due date", "2099-03-06T09:00:00Z", null, member.id());

        String path = feedPath(api, member);
        Reply feed = api.request("GET", path).send();
        Calendar calendar = ICalendars.valid(feed.body().getBytes(StandardCharsets.UTF_8));
        List<VEvent> events = ICalendars.events(calendar);
        assertThat(events.stream().map(e -> ICalendars.value(e, "UID"))).containsExactly("card-" + assigned + "@moim")
                .doesNotContain("card-" + notAssigned + "@moim", "card-" + noDue + "@moim");
        assertThat(ICalendars.value(events.get(0), "SUMMARY")).isEqualTo("Due: 출시 Ship it");
        assertThat(ICalendars.value(events.get(0), "DTSTART")).isEqualTo("20990305T090000Z");
        assertThat(ICalendars.value(events.get(0), "URL")).endsWith("/#/w/" + ws + "/boards/" + board + "?card=" + assigned);

        // Once the member is a guest who is not on the board, the card leaves the feed.
        changeRole(api, owner, ws, member, MemberRole.GUEST);
        Calendar after = ICalendars.valid(api.request("GET", path).send().body().getBytes(StandardCharsets.UTF_8));
        assertThat(ICalendars.events(after)).isEmpty();
    }

    // ---------------------------------------------------------------- permissions

    /** A fresh workspace where the caller has a role, an owner's event the caller attends and the caller's own event. */
    private record Scene(Api api, SignedIn owner, SignedIn caller, String workspace, String ownersEvent, String callersEvent) {
        String event(String id) {
            return events(workspace) + "/" + id;
        }
    }

    private Scene scene(Api api, SignedIn owner, SignedIn caller, MemberRole role, String name) {
        String ws = workspace(api, owner, name);
        // Own events exist only for roles that may create: a guest's own event dates from before a demotion.
        join(api, owner, ws, caller, role == MemberRole.GUEST ? MemberRole.MEMBER : role);
        String callers = create(api, caller, ws, timed("Caller's", "2025-05-01T10:00:00Z", "2025-05-01T11:00:00Z", caller.id()))
                .getString("id");
        if (role == MemberRole.GUEST) {
            changeRole(api, owner, ws, caller, MemberRole.GUEST);
        }
        String owners = create(api, owner, ws, timed("Owner's", "2025-05-02T10:00:00Z", "2025-05-02T11:00:00Z", caller.id()))
                .getString("id");
        return new Scene(api, owner, caller, ws, owners, callers);
    }

    private static Map<CalendarAction, Function<Scene, Reply>> requests() {
        Map<CalendarAction, Function<Scene, Reply>> requests = new EnumMap<>(CalendarAction.class);
        requests.put(CalendarAction.VIEW_CALENDAR, s -> s.api.get(calendar(s.workspace) + "?from=2025-05-01&to=2025-05-08", s.caller.accessToken()));
        requests.put(CalendarAction.VIEW_ALL_EVENTS, s -> {
            String unattended = create(s.api, s.owner, s.workspace, timed("Not yours", "2025-05-03T10:00:00Z", "2025-05-03T11:00:00Z"))
                    .getString("id");
            return s.api.get(s.event(unattended), s.caller.accessToken());
        });
        requests.put(CalendarAction.CREATE_EVENT, s -> s.api.post(events(s.workspace),
                timed("New", "2025-05-04T10:00:00Z", "2025-05-04T11:00:00Z"), s.caller.accessToken()));
        requests.put(CalendarAction.EDIT_OWN_EVENT, s -> s.api.patch(s.event(s.callersEvent), json("title", "Mine, renamed"), s.caller.accessToken()));
        requests.put(CalendarAction.EDIT_ANY_EVENT, s -> s.api.patch(s.event(s.ownersEvent), json("title", "Theirs, renamed"), s.caller.accessToken()));
        requests.put(CalendarAction.DELETE_OWN_EVENT, s -> s.api.delete(s.event(s.callersEvent), s.caller.accessToken()));
        requests.put(CalendarAction.DELETE_ANY_EVENT, s -> s.api.delete(s.event(s.ownersEvent), s.caller.accessToken()));
        return requests;
    }

    @Test
    void everyRoleMayDoExactlyWhatTheCalendarMatrixSays() {
        Api api = api();
        SignedIn owner = user("Cal Matrix Owner");
        Map<MemberRole, SignedIn> callers = new EnumMap<>(MemberRole.class);
        for (MemberRole role : MemberRole.values()) {
            callers.put(role, user("Cal Matrix " + role));
        }
        Map<CalendarAction, Function<Scene, Reply>> requests = requests();
        assertThat(requests.keySet()).as("every action has a request").containsExactlyInAnyOrder(CalendarAction.values());

        List<String> mismatches = new ArrayList<>();
        for (CalendarAction action : CalendarAction.values()) {
            for (MemberRole role : MemberRole.values()) {
                Scene scene = scene(api, owner, callers.get(role), role, action + " by " + role);
                Reply reply = requests.get(action).apply(scene);
                boolean allowed = action.allows(role);
                // Events a guest may not see do not exist for them: 404, not 403.
                int denied = action == CalendarAction.VIEW_ALL_EVENTS ? 404 : 403;
                boolean ok = allowed ? reply.status() / 100 == 2 : reply.status() == denied;
                if (!ok) {
                    mismatches.add(role + " " + action + " (expected " + (allowed ? "2xx" : denied) + "): " + reply);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void guestsSeeOnlyTheEventsTheyAttend() {
        Api api = api();
        SignedIn owner = user("Guest Host");
        SignedIn guest = user("Cal Guest");
        String ws = workspace(api, owner, "With a guest");
        join(api, owner, ws, guest, MemberRole.GUEST);
        String attended = create(api, owner, ws, timed("Guest invited", "2025-06-02T10:00:00Z", "2025-06-02T11:00:00Z", guest.id()))
                .getString("id");
        String internal = create(api, owner, ws, timed("Internal only", "2025-06-03T10:00:00Z", "2025-06-03T11:00:00Z")).getString("id");

        Reply seen = range(api, guest, ws, "from=2025-06-01&to=2025-06-08&tz=UTC");
        assertThat(itemIds(seen)).containsExactly(attended);
        assertThat(seen.body()).doesNotContain("Internal only");
        assertThat(itemIds(range(api, owner, ws, "from=2025-06-01&to=2025-06-08&tz=UTC"))).containsExactly(attended, internal);
        assertProblem(api.get(events(ws) + "/" + internal, guest.accessToken()), 404, "/problems/not-found");
        assertProblem(api.patch(events(ws) + "/" + internal, json("title", "x"), guest.accessToken()), 404, "/problems/not-found");
        assertProblem(api.patch(events(ws) + "/" + attended, json("title", "x"), guest.accessToken()), 403, "/problems/forbidden");
        assertProblem(api.post(events(ws), timed("By a guest", "2025-06-04T10:00:00Z", "2025-06-04T11:00:00Z"), guest.accessToken()),
                403, "/problems/forbidden");
    }

    @Test
    void someoneElsesWorkspaceAndEventIdsAnswer404AndNoData() {
        Api api = api();
        SignedIn alice = user("Cal Alice");
        SignedIn mallory = user("Cal Mallory");
        String secret = workspace(api, alice, "Secret calendar");
        String mine = workspace(api, mallory, "Mallory's calendar");
        String hidden = create(api, alice, secret, timed("Secret meeting", "2025-07-01T10:00:00Z", "2025-07-01T11:00:00Z")).getString("id");

        List<Reply> replies = List.of(
                range(api, mallory, secret, "from=2025-07-01&to=2025-07-02"),
                api.get(events(secret) + "/" + hidden, mallory.accessToken()),
                api.patch(events(secret) + "/" + hidden, json("title", "Mine now"), mallory.accessToken()),
                api.delete(events(secret) + "/" + hidden, mallory.accessToken()),
                api.post(events(secret), timed("Planted", "2025-07-01T10:00:00Z", "2025-07-01T11:00:00Z"), mallory.accessToken()),
                // Alice's event through Mallory's own workspace.
                api.get(events(mine) + "/" + hidden, mallory.accessToken()),
                api.patch(events(mine) + "/" + hidden, json("title", "Mine now"), mallory.accessToken()),
                api.delete(events(mine) + "/" + hidden, mallory.accessToken()));
        for (Reply reply : replies) {
            assertProblem(reply, 404, "/problems/not-found");
            assertThat(reply.body()).doesNotContain("Secret meeting");
        }
        assertThat(itemIds(range(api, mallory, mine, "from=2025-07-01&to=2025-07-02"))).isEmpty();
        Reply still = api.get(events(secret) + "/" + hidden, alice.accessToken());
        assertThat(still.json().getString("title")).isEqualTo("Secret meeting");
    }

    // ---------------------------------------------------------------- feed

    private static String feedPath(Api api, SignedIn who) {
        Reply issued = api.post(FEED, json(), who.accessToken());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String path = issued.json().getString("path");
        assertThat(issued.json().getString("url")).endsWith(path).startsWith("http");
        assertThat(path).matches("/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics");
        return path;
    }

    @Test
    void theFeedIsValidRfc5545WithKoreanTextLongLinesAndAllDayDates() throws Exception {
        Api api = api();
        SignedIn owner = user("Feed Owner");
        SignedIn member = user("Feed Member");
        String ws = workspace(api, owner, "Feed workspace");
        join(api, owner, ws, member, MemberRole.MEMBER);
        String longText = "분기 회의 안건: 예산, 일정; 인원\\배치 — 모든 팀이 참석합니다. ".repeat(20);
        String attended = create(api, owner, ws, Json.createObjectBuilder(
                        timed("회의, with; specials", "2099-03-04T10:00:00+09:00", "2099-03-04T11:30:00+09:00", member.id()))
                .add("description", longText.strip() + "\n둘째 줄").add("location", "회의실 3, 본관").build()).getString("id");
        String allDay = create(api, member, ws, event("워크숍 🎉 workshop", true, "2099-03-01", "2099-03-03")).getString("id");
        String notMine = create(api, owner, ws, timed("Not attending", "2099-03-04T10:00:00Z", "2099-03-04T11:00:00Z")).getString("id");

        String path = feedPath(api, member);
        Reply feed = api.request("GET", path).send();
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar").containsIgnoringCase("charset=utf-8");
        assertThat(feed.header("Cache-Control").orElseThrow()).contains("private");
        byte[] bytes = feed.body().getBytes(StandardCharsets.UTF_8);

        Calendar calendar = ICalendars.valid(bytes);
        List<VEvent> events = ICalendars.events(calendar);
        assertThat(events.stream().map(e -> ICalendars.value(e, "UID")))
                .containsExactlyInAnyOrder(attended + "@moim", allDay + "@moim").doesNotContain(notMine + "@moim");
        VEvent meeting = events.stream().filter(e -> ICalendars.value(e, "UID").startsWith(attended)).findFirst().orElseThrow();
        assertThat(ICalendars.value(meeting, "SUMMARY")).isEqualTo("회의, with; specials");
        assertThat(ICalendars.value(meeting, "DESCRIPTION")).isEqualTo(longText.strip() + "\n둘째 줄");
        assertThat(ICalendars.value(meeting, "LOCATION")).isEqualTo("회의실 3, 본관");
        assertThat(ICalendars.value(meeting, "DTSTART")).isEqualTo("20990304T010000Z");
        VEvent workshop = events.stream().filter(e -> ICalendars.value(e, "UID").startsWith(allDay)).findFirst().orElseThrow();
        assertThat(workshop.getProperty("DTSTART").orElseThrow().toString()).startsWith("DTSTART;VALUE=DATE:20990301");
        assertThat(workshop.getProperty("DTEND").orElseThrow().toString()).startsWith("DTEND;VALUE=DATE:20990303");
        assertThat(feed.body()).contains("\r\n ");

        // Unchanged: same ETag, and If-None-Match answers 304; a change moves the ETag; the UID stays.
        String etag = feed.header("ETag").orElseThrow();
        Reply again = api.request("GET", path).send();
        assertThat(again.header("ETag").orElseThrow()).isEqualTo(etag);
        assertThat(api.request("GET", path).header("If-None-Match", etag).send().status()).isEqualTo(304);
        api.patch(events(ws) + "/" + attended, json("title", "회의 renamed"), owner.accessToken());
        Reply changed = api.request("GET", path).send();
        assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(changed.body()).contains("UID:" + attended + "@moim").contains("회의 renamed");
        assertThat(statements(changed)).as("token, events, cards").isLessThanOrEqualTo(4);

        // The same feed under the API path, and without any bearer token.
        Reply viaApi = api.request("GET", "/api/v1" + path).send();
        assertThat(viaApi.status()).isEqualTo(200);
        assertThat(viaApi.body()).isEqualTo(changed.body());
    }

    @Test
    void rotatingOrRevokingTheFeedMakesTheOldUrlAnswer404() {
        Api api = api();
        SignedIn someone = user("Feed Rotator");
        assertThat(api.get(FEED, someone.accessToken()).json().getBoolean("active")).isFalse();

        String first = feedPath(api, someone);
        assertThat(api.request("GET", first).send().status()).isEqualTo(200);
        Reply status = api.get(FEED, someone.accessToken());
        assertThat(status.json().getBoolean("active")).isTrue();
        assertThat(status.body()).doesNotContain(first.substring("/calendar/feeds/".length(), first.length() - 4));

        String second = feedPath(api, someone);
        assertThat(second).isNotEqualTo(first);
        assertProblem(api.request("GET", first).send(), 404, "/problems/not-found");
        assertThat(api.request("GET", second).send().status()).isEqualTo(200);

        assertThat(api.delete(FEED, someone.accessToken()).status()).isEqualTo(204);
        assertProblem(api.request("GET", second).send(), 404, "/problems/not-found");
        assertThat(api.get(FEED, someone.accessToken()).json().getBoolean("active")).isFalse();
        assertThat(api.delete(FEED, someone.accessToken()).status()).as("revoking twice is fine").isEqualTo(204);
        assertThat(api.post(FEED, json(), null).status()).as("managing a feed needs sign-in").isEqualTo(401);
    }

    @Test
    void guessingFeedTokensIsRateLimitedPerAddress() {
        Api guesser = api();
        int misses = 0;
        Reply reply = null;
        for (int i = 0; i < 40; i++) {
            reply = guesser.request("GET", "/calendar/feeds/" + "A".repeat(42) + (char) ('a' + i % 26) + ".ics").send();
            if (reply.status() != 404) {
                break;
            }
            misses++;
        }
        assertThat(misses).as("misses before the limit").isEqualTo(20);
        assertProblem(reply, 429, "/problems/rate-limited");
        assertThat(reply.header("Retry-After")).isPresent();
        assertProblem(guesser.request("GET", "/calendar/feeds/not-a-token.ics").send(), 429, "/problems/rate-limited");
        assertThat(api().request("GET", "/calendar/feeds/" + "B".repeat(43) + ".ics").send().status())
                .as("another address is not limited").isEqualTo(404);
    }

    @Test
    void eachFeedIsRateLimited() {
        Api api = api();
        SignedIn someone = user("Feed Poller");
        String path = feedPath(api, someone);
        int served = 0;
        Reply reply = null;
        for (int i = 0; i < 70; i++) {
            reply = api().request("GET", path).send();
            if (reply.status() != 200) {
                break;
            }
            served++;
        }
        assertThat(served).isEqualTo(60);
        assertProblem(reply, 429, "/problems/rate-limited");
    }
}
