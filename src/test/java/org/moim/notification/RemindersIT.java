package org.moim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
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
import org.moim.it.SecondNode;
import org.moim.it.WsClient;

/**
 * Reminders, on one node and on a two-node cluster (the node Arquillian starts and a {@link SecondNode}): a card
 * due within the window reminds its assignees once, an event its attendees once, however many
 * runs of the schedule pass on either node; a moved due date reminds again; what is not due soon
 * reminds nobody. The reader is Korean: the titles come in Korean over REST and the socket.
 * The tests run with {@code moim.reminders.interval=PT1S} (pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class RemindersIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL nodeA;

    @Test
    void aCardDueSoonAndAnEventAboutToStartRemindOnceInTheReadersLanguage() throws Exception {
        remindOnce(nodeA);
    }

    @Test
    void onTwoNodesEachReminderComesOnce() throws Exception {
        // Ten minutes to boot: the shared test machine runs many builds at once.
        try (SecondNode second = SecondNode.start(Duration.ofMinutes(10))) {
            remindOnce(second.base());
        }
    }

    /** Ann works on node A; Ben (Korean, in Seoul) reads on {@code bensNode}. */
    private void remindOnce(URL bensNode) throws Exception {
        {
            Api a = new Api(nodeA);
            Api b = new Api(bensNode);
            SignedIn ann = Accounts.signUp(a, "Ann");
            SignedIn ben = Accounts.signUp(b, "Ben");
            assertThat(b.patch("/api/v1/me", json("locale", "ko", "timeZone", "Asia/Seoul"), ben.accessToken()).status()).isEqualTo(200);
            String workspace = Chat.workspace(nodeA, ann, ben);
            WsClient benLive = Chat.connect(bensNode, ben);

            String boards = "/api/v1/workspaces/" + workspace + "/boards";
            String board = created(a.post(boards, json("name", "Plans"), ann.accessToken())).getString("id");
            String list = created(a.post(boards + "/" + board + "/lists", json("name", "To do"), ann.accessToken())).getString("id");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String soon = card(a, ann, boards + "/" + board, list, "Quarterly report", now.plus(Duration.ofHours(2)), ben);
            String later = card(a, ann, boards + "/" + board, list, "Next year", now.plus(Duration.ofDays(3)), ben);
            String overdue = card(a, ann, boards + "/" + board, list, "Yesterday", now.minus(Duration.ofHours(2)), ben);
            String events = "/api/v1/workspaces/" + workspace + "/calendar/events";
            String standUp = created(a.post(events, Json.createObjectBuilder().add("title", "Stand-up").add("allDay", false)
                    .add("start", now.plus(Duration.ofMinutes(10)).toString()).add("end", now.plus(Duration.ofMinutes(25)).toString())
                    .add("attendees", Json.createArrayBuilder().add(ben.id()).add(ann.id())).build(), ann.accessToken())).getString("id");
            String review = created(a.post(events, Json.createObjectBuilder().add("title", "Review").add("allDay", false)
                    .add("start", now.plus(Duration.ofHours(3)).toString()).add("end", now.plus(Duration.ofHours(4)).toString())
                    .add("attendees", Json.createArrayBuilder().add(ben.id())).build(), ann.accessToken())).getString("id");

            // Dae lives where it is now about 15:00: today's all-day event has reached its 09:00
            // reminder there, tomorrow's has not.
            SignedIn dae = Accounts.signUp(a, "Dae");
            ZoneId daesZone = zoneWhereItIsAboutThreePm(now);
            assertThat(a.patch("/api/v1/me", json("timeZone", daesZone.getId()), dae.accessToken()).status()).isEqualTo(200);
            Chat.join(nodeA, ann, workspace, dae, "MEMBER");
            LocalDate daesToday = LocalDate.ofInstant(now, daesZone);
            String offsite = created(a.post(events, Json.createObjectBuilder().add("title", "Offsite").add("allDay", true)
                    .add("start", daesToday.toString()).add("end", daesToday.plusDays(1).toString())
                    .add("attendees", Json.createArrayBuilder().add(dae.id())).build(), ann.accessToken())).getString("id");
            String holiday = created(a.post(events, Json.createObjectBuilder().add("title", "Holiday").add("allDay", true)
                    .add("start", daesToday.plusDays(1).toString()).add("end", daesToday.plusDays(2).toString())
                    .add("attendees", Json.createArrayBuilder().add(dae.id())).build(), ann.accessToken())).getString("id");

            // Both reminders come, in Ben's language, live on his tab too.
            awaitNotifications(a, ben, n -> n.stream().filter(x -> x.getString("kind").equals("card.due-soon")).count() == 1
                    && n.stream().filter(x -> x.getString("kind").equals("event.reminder")).count() == 1);
            JsonObject live = benLive.next(f -> "notification".equals(f.getString("type"))
                    && f.getJsonObject("notification").getString("kind").equals("card.due-soon"));
            assertThat(live.getJsonObject("notification").getString("title")).startsWith("“Quarterly report” 카드의 마감이 다가옵니다: ");

            // Many more runs pass, on whichever node holds the lease: still one reminder each.
            long cardRuns = runs(a, "card-due-soon");
            long eventRuns = runs(a, "event-reminders");
            awaitRuns(a, "card-due-soon", cardRuns + 5);
            awaitRuns(a, "event-reminders", eventRuns + 5);
            List<JsonObject> inbox = notifications(b, ben);
            assertThat(inbox).filteredOn(n -> n.getString("kind").equals("card.due-soon")).singleElement().satisfies(n -> {
                assertThat(n.getString("subjectId")).isEqualTo(soon);
                assertThat(n.getString("title")).startsWith("“Quarterly report” 카드의 마감이 다가옵니다: ");
                assertThat(n.isNull("actorId")).as("the system tells").isTrue();
            });
            assertThat(inbox).filteredOn(n -> n.getString("kind").equals("event.reminder")).singleElement().satisfies(n -> {
                assertThat(n.getString("subjectId")).isEqualTo(standUp);
                assertThat(n.getString("title")).startsWith("“Stand-up” 일정이 곧 시작합니다: ");
                assertThat(n.getString("link")).endsWith("/calendar?event=" + standUp);
            });
            assertThat(inbox).filteredOn(n -> List.of("card.due-soon", "event.reminder").contains(n.getString("kind")))
                    .as("no reminder for what is not due soon (Ben's assignment and invitation notices name them too)")
                    .extracting(n -> n.getString("subjectId")).doesNotContain(later, overdue, review);
            assertThat(notifications(a, dae)).filteredOn(n -> n.getString("kind").equals("event.reminder"))
                    .as("today's all-day event reminds Dae once, tomorrow's not yet").singleElement().satisfies(n -> {
                        assertThat(n.getString("subjectId")).isEqualTo(offsite);
                        assertThat(n.getString("title")).isEqualTo("“Offsite” is today");
                    });
            assertThat(notifications(a, dae)).extracting(n -> n.getString("kind") + " " + n.getString("subjectId"))
                    .doesNotContain("event.reminder " + holiday);
            assertThat(notifications(a, ann)).as("Ann attends the stand-up too")
                    .filteredOn(n -> n.getString("kind").equals("event.reminder")).singleElement()
                    .satisfies(n -> assertThat(n.getString("title")).startsWith("“Stand-up” starts "));

            // A new due date is a new reminder.
            Reply moved = a.patch(boards + "/" + board + "/cards/" + soon, json("dueAt", now.plus(Duration.ofHours(5)).toString()), ann.accessToken());
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            awaitNotifications(a, ben, n -> n.stream().filter(x -> x.getString("kind").equals("card.due-soon")).count() == 2);
            long afterMove = runs(a, "card-due-soon");
            awaitRuns(a, "card-due-soon", afterMove + 3);
            assertThat(notifications(a, ben)).filteredOn(n -> n.getString("kind").equals("card.due-soon")).hasSize(2);
            benLive.close();
        }
    }

    /** A zone of whole hours where the local time at {@code now} is between 15:00 and 16:00 (Etc/GMT-h is UTC+h). */
    private static ZoneId zoneWhereItIsAboutThreePm(Instant now) {
        int hours = 15 - now.atZone(ZoneOffset.UTC).getHour();
        if (hours > 14) {
            hours -= 24;
        } else if (hours < -12) {
            hours += 24;
        }
        return hours == 0 ? ZoneId.of("Etc/GMT") : ZoneId.of("Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours));
    }

    private static String card(Api api, SignedIn by, String board, String list, String title, Instant due, SignedIn assignee) {
        return created(api.post(board + "/cards", Json.createObjectBuilder().add("listId", list).add("title", title)
                .add("dueAt", due.toString()).add("assigneeIds", Json.createArrayBuilder().add(assignee.id())).build(),
                by.accessToken())).getString("id");
    }

    private static JsonObject created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static List<JsonObject> notifications(Api api, SignedIn who) {
        Reply reply = api.get("/api/v1/me/notifications?limit=100", who.accessToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static void awaitNotifications(Api api, SignedIn who, Predicate<List<JsonObject>> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<JsonObject> seen;
        do {
            seen = notifications(api, who);
            if (wanted.test(seen)) {
                return;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Notifications still " + seen);
    }

    private static long runs(Api api, String lease) {
        Reply reply = api.request("GET", "/api/v1/test-probe/leases/" + lease).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Long.parseLong(reply.body().strip());
    }

    private static void awaitRuns(Api api, String lease, long atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (runs(api, lease) < atLeast) {
            assertThat(Instant.now()).as("lease %s taken %d times", lease, atLeast).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
