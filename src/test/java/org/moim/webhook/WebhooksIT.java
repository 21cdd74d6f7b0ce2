package org.moim.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;
import org.moim.webhook.Receiver.Received;
import org.moim.webhook.control.WebhookAction;
import org.moim.workspace.entity.MemberRole;

/**
 * Webhooks end to end against a real HTTP receiver in this test. The test server allows private
 * networks (the receiver is on 127.0.0.1) and retries after 1 s, twice (three attempts in all):
 * failsafe sets {@code MOIM_WEBHOOKS_*}.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Api api() {
        return new Api(base);
    }

    private static String workspace(Api api, SignedIn owner, String name) {
        Reply created = api.post("/api/v1/workspaces", json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static String webhooks(String workspace) {
        return "/api/v1/workspaces/" + workspace + "/webhooks";
    }

    private static JsonObject create(Api api, SignedIn by, String workspace, String url, String format, String... events) {
        JsonObject body = Json.createObjectBuilder().add("url", url).add("format", format)
                .add("events", Json.createArrayBuilder(List.of(events))).build();
        Reply created = api.post(webhooks(workspace), body, by.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String invite(Api api, SignedIn by, String workspace, SignedIn who, String role) {
        Reply invited = api.post("/api/v1/workspaces/" + workspace + "/invitations", json("email", who.email(), "role", role), by.accessToken());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        return invited.json().getString("id");
    }

    private static void join(Api api, SignedIn owner, String workspace, SignedIn who, MemberRole role) {
        String invitation = invite(api, owner, workspace, who, role == MemberRole.OWNER ? "MANAGER" : role.name());
        Reply accepted = api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), who.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        if (role == MemberRole.OWNER) {
            Reply promoted = api.patch("/api/v1/workspaces/" + workspace + "/members/" + who.id(), json("role", "OWNER"), owner.accessToken());
            assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        }
    }

    private static JsonObject read(Received request) {
        return Json.createReader(new StringReader(request.text())).readObject();
    }

    /** Checks the signature the way docs/webhooks.md tells receivers to. */
    private static void assertSigned(Received request, String secret) throws Exception {
        String header = request.header("Moim-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac.doFinal(request.body()))).as("v1 is HMAC-SHA256 over t.body").isEqualTo(v1);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).as("t is now").isLessThan(300);
    }

    private static JsonObject awaitDelivery(Api api, SignedIn by, String workspace, String webhook, String delivery, String... statuses) {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject seen;
        do {
            Reply reply = api.get(webhooks(workspace) + "/" + webhook + "/deliveries/" + delivery, by.accessToken());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            seen = reply.json();
            if (Set.of(statuses).contains(seen.getString("status"))) {
                return seen;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Delivery still " + seen + " after " + DEADLINE);
    }

    private static JsonArray deliveries(Api api, SignedIn by, String workspace, String webhook) {
        Reply page = api.get(webhooks(workspace) + "/" + webhook + "/deliveries", by.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items");
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.problemType()).isEqualTo(type);
    }

    // ------------------------------------------------------------------ events, signatures, formats

    @Test
    void membersJoiningAndLeavingReachTheReceiverSignedAndRecorded() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Hook Owner");
        SignedIn mina = Accounts.signUp(api(), "Mina");
        String workspace = workspace(api, owner, "Hooked");
        JsonObject webhook = create(api, owner, workspace, receiver.url("/events"), "JSON", "member.joined", "member.left", "invitation.answered");
        String secret = webhook.getString("secret");
        assertThat(secret).startsWith("whsec_");

        String invitation = invite(api, owner, workspace, mina, "MEMBER");
        assertThat(api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), mina.accessToken()).status()).isEqualTo(200);

        List<Received> two = List.of(receiver.next(), receiver.next());
        Received joined = two.stream().filter(r -> "member.joined".equals(r.header("Moim-Event"))).findFirst().orElseThrow();
        Received answered = two.stream().filter(r -> "invitation.answered".equals(r.header("Moim-Event"))).findFirst().orElseThrow();
        for (Received request : two) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/events");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("User-Agent")).startsWith("Moim-Webhooks/");
            assertThat(request.header("Moim-Webhook")).isEqualTo(webhook.getString("id"));
            assertSigned(request, secret);
        }
        JsonObject event = read(joined);
        assertThat(event.getString("type")).isEqualTo("member.joined");
        assertThat(event.getString("workspaceId")).isEqualTo(workspace);
        assertThat(event.getString("text")).isEqualTo("Mina joined “Hooked” as MEMBER");
        assertThat(event.getJsonObject("data").getString("accountId")).isEqualTo(mina.id());
        assertThat(event.getJsonObject("data").getString("displayName")).isEqualTo("Mina");
        assertThat(event.getJsonObject("data").getString("role")).isEqualTo("MEMBER");
        assertThat(event.getJsonObject("data").getString("via")).isEqualTo("invitation");
        assertThat(event.getString("id")).isNotBlank();
        assertThat(Instant.parse(event.getString("createdAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(read(answered).getJsonObject("data").getString("outcome")).isEqualTo("ACCEPTED");
        assertThat(read(answered).getJsonObject("data").getString("invitationId")).isEqualTo(invitation);

        JsonObject recorded = awaitDelivery(api, owner, workspace, webhook.getString("id"), joined.header("Moim-Delivery"), "SUCCEEDED", "DEAD");
        assertThat(recorded.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(recorded.getInt("attempts")).isEqualTo(1);
        assertThat(recorded.getInt("httpStatus")).isEqualTo(200);
        assertThat(recorded.getJsonNumber("durationMillis").longValue()).isNotNegative();
        assertThat(recorded.getString("eventId")).isEqualTo(event.getString("id"));
        assertThat(recorded.getString("body")).isEqualTo(joined.text());

        assertThat(api.post("/api/v1/workspaces/" + workspace + "/leave", json(), mina.accessToken()).status()).isEqualTo(204);
        Received left = receiver.next();
        assertThat(left.header("Moim-Event")).isEqualTo("member.left");
        assertThat(read(left).getString("text")).isEqualTo("Mina left “Hooked”");
        assertThat(read(left).getJsonObject("data").isNull("removedBy")).isTrue();
        assertSigned(left, secret);
    }

    @Test
    void theSlackFormatPostsOnlyTheText() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Slack Owner");
        String workspace = workspace(api, owner, "Chatty");
        JsonObject webhook = create(api, owner, workspace, receiver.url("/services/T0/B0/x"), "SLACK", "*");
        assertThat(webhook.getJsonArray("events").getString(0)).isEqualTo("*");

        Reply test = api.post(webhooks(workspace) + "/" + webhook.getString("id") + "/test", json(), owner.accessToken());

        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        assertThat(test.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/deliveries/" + test.json().getString("id")));
        Received posted = receiver.next();
        JsonObject body = read(posted);
        assertThat(body.keySet()).containsExactly("text");
        assertThat(body.getString("text")).isEqualTo("Test event from Moim, sent by Slack Owner: this webhook works.");
        assertThat(posted.header("Moim-Event")).isEqualTo("webhook.test");
        assertSigned(posted, webhook.getString("secret"));
    }

    @Test
    void theSecretIsShownOnceAndARotatedOneSignsFromThenOn() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Secret Keeper");
        String workspace = workspace(api, owner, "Secrets");
        JsonObject webhook = create(api, owner, workspace, receiver.url("/"), "JSON", "member.joined");
        String path = webhooks(workspace) + "/" + webhook.getString("id");

        assertThat(api.get(path, owner.accessToken()).json().containsKey("secret")).isFalse();
        assertThat(api.get(webhooks(workspace), owner.accessToken()).items().getJsonObject(0).containsKey("secret")).isFalse();
        Reply rotated = api.post(path + "/rotate-secret", json(), owner.accessToken());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String secret = rotated.json().getString("secret");
        assertThat(secret).startsWith("whsec_").isNotEqualTo(webhook.getString("secret"));

        api.post(path + "/test", json(), owner.accessToken());
        assertSigned(receiver.next(), secret);
    }

    @Test
    void anInactiveWebhookGetsNoEventsButItsTestEventStillGoes() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Pauser");
        SignedIn joon = Accounts.signUp(api(), "Joon");
        String workspace = workspace(api, owner, "Paused");
        JsonObject webhook = create(api, owner, workspace, receiver.url("/"), "JSON", "member.joined");
        String path = webhooks(workspace) + "/" + webhook.getString("id");
        Reply paused = api.request("PATCH", path).bearer(owner.accessToken()).header("If-Match", "\"" + webhook.getInt("version") + "\"")
                .json(json("active", false, "description", "Paused for now")).send();
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().getBoolean("active")).isFalse();
        assertThat(paused.json().getString("description")).isEqualTo("Paused for now");
        Reply stale = api.request("PATCH", path).bearer(owner.accessToken()).header("If-Match", "\"" + webhook.getInt("version") + "\"")
                .json(json("active", true)).send();
        assertProblem(stale, 409, "/problems/stale-version");

        join(api, owner, workspace, joon, MemberRole.MEMBER);

        assertThat(deliveries(api, owner, workspace, webhook.getString("id"))).as("the join made no delivery").isEmpty();
        api.post(path + "/test", json(), owner.accessToken());
        assertThat(receiver.next().header("Moim-Event")).isEqualTo("webhook.test");
    }

    // ------------------------------------------------------------------ retries and dead deliveries

    @Test
    void aFailingReceiverIsRetriedUntilItAnswers() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Retrier");
        String workspace = workspace(api, owner, "Flaky");
        JsonObject webhook = create(api, owner, workspace, receiver.url("/"), "JSON", "*");
        receiver.answer(500);

        String delivery = api.post(webhooks(workspace) + "/" + webhook.getString("id") + "/test", json(), owner.accessToken())
                .json().getString("id");

        Received first = receiver.next();
        Received second = receiver.next();
        JsonObject done = awaitDelivery(api, owner, workspace, webhook.getString("id"), delivery, "SUCCEEDED", "DEAD");
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("attempts")).isEqualTo(2);
        assertThat(done.getInt("httpStatus")).isEqualTo(200);
        assertThat(done.containsKey("lastError")).as("a success clears the error").isFalse();
        assertThat(second.body()).as("the same bytes each attempt").isEqualTo(first.body());
        assertThat(List.of(first.header("Moim-Delivery"), second.header("Moim-Delivery"))).containsOnly(delivery);
        assertThat(List.of(first.header("Moim-Attempt"), second.header("Moim-Attempt"))).containsExactly("1", "2");
        assertSigned(second, webhook.getString("secret"));
    }

    @Test
    void aReceiverThatKeepsFailingMakesTheDeliveryDeadAfterTheLastAttemptAndARetryByHandRevivesIt() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Doomed");
        String workspace = workspace(api, owner, "Down");
        JsonObject webhook = create(api, owner, workspace, receiver.url("/"), "JSON", "*");
        String path = webhooks(workspace) + "/" + webhook.getString("id");
        receiver.answer(503, 503, 503);

        String delivery = api.post(path + "/test", json(), owner.accessToken()).json().getString("id");
        JsonObject waiting = awaitDelivery(api, owner, workspace, webhook.getString("id"), delivery, "WAITING", "DEAD", "SUCCEEDED");
        assertThat(waiting.getString("status")).as(waiting.toString()).isEqualTo("WAITING");
        assertThat(Instant.parse(waiting.getString("nextAttemptAt"))).isAfter(Instant.parse(waiting.getString("lastAttemptAt")));
        JsonObject dead = awaitDelivery(api, owner, workspace, webhook.getString("id"), delivery, "DEAD", "SUCCEEDED");

        assertThat(dead.getString("status")).as(dead.toString()).isEqualTo("DEAD");
        assertThat(dead.getInt("attempts")).as("one attempt and two retries").isEqualTo(3);
        assertThat(dead.getInt("httpStatus")).isEqualTo(503);
        assertThat(dead.getString("lastError")).isEqualTo("HTTP 503: receiver says no");
        assertThat(dead.containsKey("nextAttemptAt")).isFalse();
        List<Received> requests = List.of(receiver.next(), receiver.next(), receiver.next());
        assertThat(requests).extracting(r -> r.header("Moim-Attempt")).containsExactly("1", "2", "3");
        assertThat(receiver.poll(0)).as("nothing after the last attempt (the record is written after the call)").isNull();
        assertThat(deliveries(api, owner, workspace, webhook.getString("id")).getJsonObject(0).getString("status")).isEqualTo("DEAD");

        Reply retried = api.post(path + "/deliveries/" + delivery + "/retry", json(), owner.accessToken());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        JsonObject revived = awaitDelivery(api, owner, workspace, webhook.getString("id"), delivery, "SUCCEEDED", "DEAD");
        assertThat(revived.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(revived.getInt("attempts")).isEqualTo(1);
        assertProblem(api.post(path + "/deliveries/" + delivery + "/retry", json(), owner.accessToken()), 409, "/problems/delivery-not-dead");
    }

    // ------------------------------------------------------------------ bad input and the SSRF guard

    @Test
    void addressesMoimMayNotCallAreRefusedEvenWithPrivateNetworksAllowed() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Guarded");
        String workspace = workspace(api, owner, "Guarded");

        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://0.0.0.0:8080/",
                "http://224.0.0.1/", "http://255.255.255.255/")) {
            Reply refused = api.post(webhooks(workspace), Json.createObjectBuilder().add("url", url)
                    .add("events", Json.createArrayBuilder().add("*")).build(), owner.accessToken());
            assertProblem(refused, 400, "/problems/webhook-address-refused");
            assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("url");
        }
        for (String url : List.of("ftp://example.com/", "http://user:pw@example.com/", "not a url", "http:///nohost", "https://example.com/#x")) {
            Reply invalid = api.post(webhooks(workspace), Json.createObjectBuilder().add("url", url)
                    .add("events", Json.createArrayBuilder().add("*")).build(), owner.accessToken());
            assertProblem(invalid, 400, "/problems/validation");
        }
        Reply unknownEvent = api.post(webhooks(workspace), Json.createObjectBuilder().add("url", receiver.url("/"))
                .add("events", Json.createArrayBuilder().add("card.exploded")).build(), owner.accessToken());
        assertProblem(unknownEvent, 400, "/problems/validation");
        assertThat(unknownEvent.body()).contains("card.exploded").contains("member.joined");
        Reply noEvents = api.post(webhooks(workspace), Json.createObjectBuilder().add("url", receiver.url("/"))
                .add("events", Json.createArrayBuilder()).build(), owner.accessToken());
        assertProblem(noEvents, 400, "/problems/validation");
        assertThat(api.get(webhooks(workspace), owner.accessToken()).items()).isEmpty();
    }

    // ------------------------------------------------------------------ permissions

    private record Scene(Api api, SignedIn owner, SignedIn caller, String workspace, String webhook, String delivery, String url) {
        String path(String rest) {
            return webhooks(workspace) + rest;
        }
    }

    private static Map<WebhookAction, Function<Scene, Reply>> requests() {
        Map<WebhookAction, Function<Scene, Reply>> requests = new EnumMap<>(WebhookAction.class);
        requests.put(WebhookAction.LIST_WEBHOOKS, s -> s.api.get(s.path(""), s.caller.accessToken()));
        requests.put(WebhookAction.CREATE_WEBHOOK, s -> s.api.post(s.path(""), Json.createObjectBuilder().add("url", s.url)
                .add("events", Json.createArrayBuilder().add("member.left")).build(), s.caller.accessToken()));
        requests.put(WebhookAction.UPDATE_WEBHOOK, s -> s.api.patch(s.path("/" + s.webhook), json("description", "Mine now"), s.caller.accessToken()));
        requests.put(WebhookAction.DELETE_WEBHOOK, s -> s.api.delete(s.path("/" + s.webhook), s.caller.accessToken()));
        requests.put(WebhookAction.SEND_TEST_EVENT, s -> s.api.post(s.path("/" + s.webhook + "/test"), json(), s.caller.accessToken()));
        requests.put(WebhookAction.LIST_DELIVERIES, s -> s.api.get(s.path("/" + s.webhook + "/deliveries"), s.caller.accessToken()));
        requests.put(WebhookAction.RETRY_DELIVERY, s -> s.api.post(s.path("/" + s.webhook + "/deliveries/" + s.delivery + "/retry"), json(),
                s.caller.accessToken()));
        return requests;
    }

    @Test
    void everyRoleMayDoExactlyWhatTheWebhookMatrixSaysAndOutsidersSeeNothing() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Matrix Owner");
        SignedIn outsider = Accounts.signUp(api(), "Outsider");
        Map<MemberRole, SignedIn> callers = new EnumMap<>(MemberRole.class);
        String workspace = workspace(api, owner, "Matrix");
        for (MemberRole role : MemberRole.values()) {
            callers.put(role, Accounts.signUp(api(), "Matrix " + role));
            join(api, owner, workspace, callers.get(role), role);
        }
        String otherWorkspace = workspace(api, outsider, "Elsewhere");
        String foreignWebhook = create(api, outsider, otherWorkspace, receiver.url("/theirs"), "JSON", "*").getString("id");
        Map<WebhookAction, Function<Scene, Reply>> requests = requests();
        assertThat(requests.keySet()).as("every action has a request").containsExactlyInAnyOrder(WebhookAction.values());

        try (Receiver refusing = new Receiver(410)) {
            assertMatrix(api, owner, outsider, callers, workspace, foreignWebhook, requests, refusing);
        }
        assertThat(deliveries(api, outsider, otherWorkspace, foreignWebhook)).as("nobody else tested or retried their webhook").isEmpty();
    }

    private void assertMatrix(Api api, SignedIn owner, SignedIn outsider, Map<MemberRole, SignedIn> callers, String workspace,
                              String foreignWebhook, Map<WebhookAction, Function<Scene, Reply>> requests, Receiver refusing) {
        List<String> mismatches = new ArrayList<>();
        for (WebhookAction action : WebhookAction.values()) {
            for (MemberRole role : MemberRole.values()) {
                String webhook = create(api, owner, workspace, receiver.url("/matrix"), "JSON", "member.joined").getString("id");
                // Only a role allowed to retry gets as far as the delivery: only then does it need a dead one.
                String delivery = action == WebhookAction.RETRY_DELIVERY && action.allows(role)
                        ? deadDelivery(api, owner, workspace, webhook, refusing) : "00000000-0000-0000-0000-000000000000";
                Reply reply = requests.get(action).apply(new Scene(api, owner, callers.get(role), workspace, webhook, delivery, receiver.url("/new")));
                boolean allowed = action.allows(role);
                boolean ok = allowed ? reply.status() / 100 == 2 : reply.status() == 403 && reply.problemType().equals("/problems/forbidden");
                if (!ok) {
                    mismatches.add(role + " " + action + " (expected " + (allowed ? "2xx" : "403") + "): " + reply);
                }
                Reply outside = requests.get(action).apply(new Scene(api, owner, outsider, workspace, webhook, delivery, receiver.url("/new")));
                if (outside.status() != 404) {
                    mismatches.add("outsider " + action + " (expected 404): " + outside);
                }
                api.delete(webhooks(workspace) + "/" + webhook, owner.accessToken());
            }
            // Someone else's webhook through my own workspace's path: as if it did not exist.
            Reply foreign = requests.get(action).apply(new Scene(api, owner, owner, workspace, foreignWebhook, "00000000-0000-0000-0000-000000000000",
                    receiver.url("/new")));
            if (action != WebhookAction.LIST_WEBHOOKS && action != WebhookAction.CREATE_WEBHOOK && foreign.status() != 404) {
                mismatches.add("owner " + action + " on another workspace's webhook (expected 404): " + foreign);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** A DEAD delivery of the webhook, which is pointed at a receiver that refuses everything. */
    private static String deadDelivery(Api api, SignedIn owner, String workspace, String webhook, Receiver refusing) {
        String path = webhooks(workspace) + "/" + webhook;
        assertThat(api.patch(path, json("url", refusing.url("/refused")), owner.accessToken()).status()).isEqualTo(200);
        String delivery = api.post(path + "/test", json(), owner.accessToken()).json().getString("id");
        JsonObject dead = awaitDelivery(api, owner, workspace, webhook, delivery, "DEAD", "SUCCEEDED");
        assertThat(dead.getString("status")).as(dead.toString()).isEqualTo("DEAD");
        return delivery;
    }

    @Test
    void theDeliveryListCostsTheSameStatementsWhateverItsLength() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Counter");
        String workspace = workspace(api, owner, "Counted");
        String webhook = create(api, owner, workspace, receiver.url("/"), "JSON", "*").getString("id");
        String path = webhooks(workspace) + "/" + webhook + "/deliveries";

        Reply none = api.get(path, owner.accessToken());
        for (int i = 0; i < 5; i++) {
            api.post(webhooks(workspace) + "/" + webhook + "/test", json(), owner.accessToken());
        }
        Reply five = api.get(path, owner.accessToken());
        Reply page = api.get(path + "?limit=2", owner.accessToken());
        Reply next = api.get(path + "?limit=2&cursor=" + page.json().getString("nextCursor"), owner.accessToken());

        assertThat(five.json().getJsonArray("items")).hasSize(5);
        assertThat(page.json().getJsonArray("items")).hasSize(2);
        assertThat(next.json().getJsonArray("items").getJsonObject(0).getString("id"))
                .isEqualTo(five.json().getJsonArray("items").getJsonObject(2).getString("id"));
        String statements = none.header("X-Moim-Sql-Statements").orElseThrow();
        assertThat(List.of(five, page, next)).extracting(r -> r.header("X-Moim-Sql-Statements").orElseThrow()).containsOnly(statements);
        assertThat(Integer.parseInt(statements)).isLessThanOrEqualTo(3);
        for (int i = 0; i < 5; i++) {
            receiver.next(); // every test event went out before the receiver stops
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
