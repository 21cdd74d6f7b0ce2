package org.moim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import java.net.URL;
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
import org.moim.it.Deployments;
import org.moim.it.WsClient;

/** The notification inbox through the real HTTP API: who is told what, paging, reading. */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    private static final String INBOX = "/api/v1/me/notifications";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private String workspace(Api api, SignedIn owner, String name) {
        Reply created = api.post("/api/v1/workspaces", json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private String invite(Api api, SignedIn by, String workspace, SignedIn who) {
        Reply invited = api.post("/api/v1/workspaces/" + workspace + "/invitations", json("email", who.email(), "role", "MEMBER"),
                by.accessToken());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        return invited.json().getString("id");
    }

    private static List<JsonObject> items(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    @Test
    void anInvitationTellsTheInviteeAndTheAnswerTellsTheInviter() {
        Api api = api();
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(api(), "Joon");
        String workspace = workspace(api, mina, "Launch");
        String invitation = invite(api, mina, workspace, joon);

        Reply joonsInbox = api.get(INBOX, joon.accessToken());
        List<JsonObject> received = items(joonsInbox);
        assertThat(received).hasSize(1);
        JsonObject invited = received.get(0);
        assertThat(invited.getString("kind")).isEqualTo("invitation.received");
        assertThat(invited.getString("actorId")).isEqualTo(mina.id());
        assertThat(invited.getString("actorName")).isEqualTo("Mina");
        assertThat(invited.getString("workspaceId")).isEqualTo(workspace);
        assertThat(invited.getString("subjectId")).isEqualTo(invitation);
        assertThat(invited.getString("title")).contains("Mina").contains("Launch");
        assertThat(invited.isNull("readAt")).isTrue();
        assertThat(joonsInbox.json().getInt("unreadCount")).isEqualTo(1);
        assertThat(items(api.get(INBOX, mina.accessToken()))).as("the inviter is not told of their own invitation").isEmpty();

        Reply accepted = api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), joon.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        List<JsonObject> minas = items(api.get(INBOX, mina.accessToken()));
        assertThat(minas).extracting(n -> n.getString("kind")).containsExactly("invitation.answered");
        assertThat(minas.get(0).getString("title")).contains("Joon").contains("accepted");
        assertThat(items(api.get(INBOX, joon.accessToken()))).as("the invitee is not told of their own answer")
                .extracting(n -> n.getString("kind")).containsExactly("invitation.received");
    }

    private WsClient tab(Api api, SignedIn who) throws InterruptedException {
        Reply ticket = api.post("/api/v1/realtime/tickets", json(), who.accessToken());
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        WsClient tab = WsClient.connect(base, "ticket=" + ticket.json().getString("ticket"));
        assertThat(tab.next().getString("type")).isEqualTo("hello");
        return tab;
    }

    @Test
    void everyOpenTabOfTheRecipientGetsItLiveAndSeesItRead() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Live owner");
        SignedIn invitee = Accounts.signUp(api(), "Live invitee");
        WsClient ownersTab = tab(api, owner);
        WsClient firstTab = tab(api, invitee);
        WsClient secondTab = tab(api, invitee);

        String invitation = invite(api, owner, workspace(api, owner, "Live"), invitee);

        String id = null;
        for (WsClient tab : List.of(firstTab, secondTab)) {
            JsonObject frame = tab.next();
            assertThat(frame.getString("type")).isEqualTo("notification");
            assertThat(frame.getInt("v")).isEqualTo(1);
            JsonObject notification = frame.getJsonObject("notification");
            assertThat(notification.getString("kind")).isEqualTo("invitation.received");
            assertThat(notification.getString("subjectId")).isEqualTo(invitation);
            assertThat(notification.getString("actorName")).isEqualTo("Live owner");
            id = notification.getString("id");
        }
        ownersTab.send("{\"type\":\"ping\",\"id\":\"p1\"}");
        assertThat(ownersTab.next().getString("type")).as("the actor's tab is told nothing").isEqualTo("pong");

        assertThat(api.post(INBOX + "/" + id + "/read", json(), invitee.accessToken()).status()).isEqualTo(200);
        for (WsClient tab : List.of(firstTab, secondTab)) {
            JsonObject read = tab.next();
            assertThat(read.getString("type")).isEqualTo("notification-read");
            assertThat(read.getString("id")).isEqualTo(id);
        }
        invite(api, owner, workspace(api, owner, "Live two"), invitee);
        assertThat(firstTab.next().getString("type")).isEqualTo("notification");
        assertThat(api.post(INBOX + "/read-all", json(), invitee.accessToken()).status()).isEqualTo(200);
        assertThat(firstTab.next().getBoolean("all")).isTrue();
        for (WsClient tab : List.of(ownersTab, firstTab, secondTab)) {
            tab.close();
        }
    }

    @Test
    void aDeclineIsReportedToo() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Owner");
        SignedIn guest = Accounts.signUp(api(), "Guest");
        String invitation = invite(api, owner, workspace(api, owner, "Decliners"), guest);
        assertThat(api.post("/api/v1/me/invitations/" + invitation + "/decline", json(), guest.accessToken()).status()).isEqualTo(204);
        List<JsonObject> owners = items(api.get(INBOX, owner.accessToken()));
        assertThat(owners).extracting(n -> n.getString("title")).singleElement().asString().contains("declined");
    }

    @Test
    void theInboxComesInPagesNewestFirstInAConstantNumberOfStatements() {
        Api api = api();
        SignedIn invitee = Accounts.signUp(api, "Popular");
        List<String> invitations = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SignedIn owner = Accounts.signUp(api(), "Owner " + i);
            invitations.add(invite(api, owner, workspace(api, owner, "Team " + i), invitee));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        do {
            Reply page = api.get(INBOX + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), invitee.accessToken());
            List<JsonObject> items = items(page);
            sizes.add(items.size());
            statements.add(page.header("X-Moim-Sql-Statements").orElseThrow());
            items.forEach(n -> seen.add(n.getString("subjectId")));
            cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
        } while (cursor != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        java.util.Collections.reverse(invitations);
        assertThat(seen).containsExactlyElementsOf(invitations);
        Reply everything = api.get(INBOX + "?limit=7", invitee.accessToken());
        assertThat(items(everything)).hasSize(7);
        assertThat(everything.header("X-Moim-Sql-Statements").orElseThrow())
                .as("seven notifications from seven people cost what three do").isEqualTo(statements.get(0));
    }

    @Test
    void readingMarksOneOrAllAndNobodyReadsSomeoneElses() {
        Api api = api();
        SignedIn invitee = Accounts.signUp(api, "Reader");
        SignedIn stranger = Accounts.signUp(api(), "Stranger");
        for (int i = 0; i < 3; i++) {
            SignedIn owner = Accounts.signUp(api(), "Inviter " + i);
            invite(api, owner, workspace(api, owner, "Reading " + i), invitee);
        }
        String first = items(api.get(INBOX, invitee.accessToken())).get(0).getString("id");

        Reply strangers = api.post(INBOX + "/" + first + "/read", json(), stranger.accessToken());
        assertThat(strangers.status()).as(strangers.toString()).isEqualTo(404);
        assertThat(strangers.problemType()).isEqualTo("/problems/not-found");
        assertThat(api.post(INBOX + "/no-such-id/read", json(), invitee.accessToken()).status()).isEqualTo(404);

        Reply read = api.post(INBOX + "/" + first + "/read", json(), invitee.accessToken());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        String readAt = read.json().getString("readAt");
        Reply again = api.post(INBOX + "/" + first + "/read", json(), invitee.accessToken());
        assertThat(again.json().getString("readAt")).as("reading again keeps the first time").isEqualTo(readAt);

        assertThat(api.get(INBOX + "/unread-count", invitee.accessToken()).json().getInt("unreadCount")).isEqualTo(2);
        assertThat(items(api.get(INBOX + "?unread=true", invitee.accessToken())))
                .extracting(n -> n.getString("id")).hasSize(2).doesNotContain(first);

        Reply all = api.post(INBOX + "/read-all", json(), invitee.accessToken());
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(api.get(INBOX + "/unread-count", invitee.accessToken()).json().getInt("unreadCount")).isZero();
        assertThat(items(api.get(INBOX + "?unread=true", invitee.accessToken()))).isEmpty();
        assertThat(items(api.get(INBOX, invitee.accessToken()))).hasSize(3).allSatisfy(n -> assertThat(n.isNull("readAt")).isFalse());
    }

    @Test
    void badPagingAnswersProblems() {
        Api api = api();
        SignedIn someone = Accounts.signUp(api, "Pager");
        for (String query : List.of("?limit=0", "?limit=101", "?limit=abc", "?cursor=not-a-cursor")) {
            Reply reply = api.get(INBOX + query, someone.accessToken());
            assertThat(reply.status()).as(query + " " + reply).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get(INBOX, null).status()).isEqualTo(401);
    }
}
