package org.moim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.billing.control.BillingAction;
import org.moim.billing.control.WebhookSignatures;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Chat;
import org.moim.it.WsClient;
import org.moim.it.Deployments;
import org.moim.workspace.entity.MemberRole;

/**
 * Plans, limits, payments and subscriptions through the real HTTP API, with the sandbox provider:
 * its checkout page, its signed asynchronous webhooks, and webhooks this test signs itself (with
 * the sandbox secret the server generated) to replay, forge, reorder and falsify them.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

    private static final String WORKSPACES = "/api/v1/workspaces";
    private static final String WEBHOOK = "/api/v1/billing/webhooks/sandbox";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int FREE_MEMBERS = 10;

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("MOIM_MAIL_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    // ---------------------------------------------------------------- helpers

    private Api api() {
        return new Api(base);
    }

    private SignedIn user(String name) {
        return Accounts.signUp(api(), name);
    }

    private static String create(Api api, SignedIn owner, String name) {
        Reply created = api.post(WORKSPACES, json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static String invite(Api api, SignedIn by, String workspace, String email, String role) {
        Reply invited = api.post(WORKSPACES + "/" + workspace + "/invitations", json("email", email, "role", role), by.accessToken());
        assertThat(invited.status()).as(invited.toString()).isIn(200, 201);
        return invited.json().getString("id");
    }

    private static Reply accept(Api api, SignedIn who, String invitation) {
        return api.post("/api/v1/me/invitations/" + invitation + "/accept", json(), who.accessToken());
    }

    private void join(Api api, SignedIn owner, String workspace, SignedIn who, MemberRole role) {
        Reply accepted = accept(api, who, invite(api, owner, workspace, who.email(), role == MemberRole.OWNER ? "MANAGER" : role.name()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        if (role == MemberRole.OWNER) {
            Reply promoted = api.patch(WORKSPACES + "/" + workspace + "/members/" + who.id(), json("role", "OWNER"), owner.accessToken());
            assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        }
    }

    /** Fills the workspace up to {@code members} members (the owner counts). */
    private void fill(Api api, SignedIn owner, String workspace, int members) {
        for (int i = memberCount(api, owner, workspace); i < members; i++) {
            join(api, owner, workspace, user("Filler " + i), MemberRole.MEMBER);
        }
    }

    private static int memberCount(Api api, SignedIn owner, String workspace) {
        Reply members = api.get(WORKSPACES + "/" + workspace + "/members?limit=200", owner.accessToken());
        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        assertThat(members.json().isNull("nextCursor")).as("all members on one page").isTrue();
        return members.items().size();
    }

    private static JsonObject plan(Api api, SignedIn who, String workspace) {
        Reply plan = api.get(WORKSPACES + "/" + workspace + "/plan", who.accessToken());
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return plan.json();
    }

    private static JsonObject limit(JsonObject plan, String limit) {
        return plan.getJsonArray("limits").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("limit").equals(limit)).findFirst().orElseThrow();
    }

    private static Reply checkout(Api api, SignedIn owner, String workspace, String period, String currency) {
        return api.post(WORKSPACES + "/" + workspace + "/billing/checkout",
                json("plan", "PREMIUM", "period", period, "currency", currency), owner.accessToken());
    }

    private static JsonObject payment(Api api, SignedIn owner, String workspace, String paymentId) {
        Reply payment = api.get(WORKSPACES + "/" + workspace + "/billing/payments/" + paymentId, owner.accessToken());
        assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
        return payment.json();
    }

    private static JsonObject awaitPayment(Api api, SignedIn owner, String workspace, String paymentId, String status) {
        return await(() -> payment(api, owner, workspace, paymentId), p -> p.getString("status").equals(status),
                "payment " + paymentId + " " + status);
    }

    private static JsonObject awaitPlan(Api api, SignedIn owner, String workspace, String plan) {
        return await(() -> BillingIT.plan(api, owner, workspace), p -> p.getString("plan").equals(plan), "plan " + plan);
    }

    private static <T> T await(Callable<T> read, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        T value;
        do {
            try {
                value = read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (done.test(value)) {
                return value;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Still not " + what + " after " + DEADLINE + ": " + value);
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The checkout page's path on this server. */
    private String pagePath(String checkoutUrl) {
        String path = checkoutUrl.substring(checkoutUrl.indexOf("/api/v1/"));
        assertThat(checkoutUrl).startsWith(base.toString().replaceAll("/$", ""));
        return path;
    }

    private static Reply postForm(Api api, String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return api.request("POST", path).body("application/x-www-form-urlencoded", form.toString()).send();
    }

    /** Upgrades through the sandbox page with {@code card}; returns the payment id once PAID. */
    private String upgrade(Api api, SignedIn owner, String workspace, String card) {
        Reply started = checkout(api, owner, workspace, "MONTHLY", "KRW");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String paymentId = started.json().getJsonObject("payment").getString("id");
        Reply paid = postForm(api, pagePath(started.json().getString("checkoutUrl")), "card", card, "expiry", "12/34", "cvc", "123");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(303);
        awaitPayment(api, owner, workspace, paymentId, "PAID");
        awaitPlan(api, owner, workspace, "PREMIUM");
        return paymentId;
    }

    private static JsonObject billing(Api api, SignedIn owner, String workspace) {
        Reply billing = api.get(WORKSPACES + "/" + workspace + "/billing", owner.accessToken());
        assertThat(billing.status()).as(billing.toString()).isEqualTo(200);
        return billing.json();
    }

    private static JsonObject renewalsAt(Api api, SignedIn who, Instant at) {
        Reply run = api.post("/api/v1/test-probe/billing/renewals?at=" + at, json(), who.accessToken());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.json();
    }

    private static List<JsonObject> list(Api api, SignedIn owner, String path) {
        Reply reply = api.get(path, owner.accessToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.items().getValuesAs(JsonObject.class);
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).isEqualTo(type);
    }

    // ---------------------------------------------------------------- signed webhooks of our own

    private static String sandboxSecret() throws Exception {
        return Files.readString(Path.of(System.getenv("MOIM_DATA_DIR"), "keys", "sandbox-webhook-secret")).strip();
    }

    private static String event(String eventId, String type, String paymentId, long amount, String currency) {
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("object", "event")
                .add("type", type)
                .add("created", Instant.now().getEpochSecond())
                .add("data", Json.createObjectBuilder().add("object", Json.createObjectBuilder()
                        .add("id", "cs_test_" + eventId)
                        .add("object", "checkout")
                        .add("reference", paymentId)
                        .add("purpose", "UPGRADE")
                        .add("amount", amount)
                        .add("currency", currency)
                        .add("customer", "cus_sbx_test")
                        .add("payment", "pi_sbx_" + paymentId.substring(0, 8))))
                .build().toString();
    }

    private Reply deliver(Api api, String body, String signature) {
        Api.Request request = api.request("POST", WEBHOOK).body("application/json", body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Moim-Sandbox-Signature", signature);
        }
        return request.send();
    }

    private Reply deliverSigned(Api api, String body) throws Exception {
        return deliver(api, body, WebhookSignatures.header(sandboxSecret(), Instant.now().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /** An owner with a PENDING upgrade payment (a sandbox checkout nobody has paid). */
    private record Pending(Api api, SignedIn owner, String workspace, String paymentId) {
    }

    private Pending pending(String name) {
        Api api = api();
        SignedIn owner = user(name);
        String workspace = create(api, owner, name);
        Reply started = checkout(api, owner, workspace, "MONTHLY", "KRW");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().getJsonObject("payment").getString("status")).isEqualTo("PENDING");
        return new Pending(api, owner, workspace, started.json().getJsonObject("payment").getString("id"));
    }

    private static String newEventId() {
        return "evt_it_" + UUID.randomUUID().toString().replace("-", "");
    }

    // ---------------------------------------------------------------- plan and limits

    @Test
    void aNewWorkspaceIsFreeAndThePlanEndpointShowsLimitsUseAndPlansInFewStatements() {
        Api api = api();
        SignedIn owner = user("Plan Owner");
        String workspace = create(api, owner, "Plan");

        Reply reply = api.get(WORKSPACES + "/" + workspace + "/plan", owner.accessToken());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject plan = reply.json();
        assertThat(plan.getString("plan")).isEqualTo("FREE");
        JsonObject members = limit(plan, "MEMBERS");
        assertThat(members.getInt("max")).isEqualTo(FREE_MEMBERS);
        assertThat(members.getInt("used")).isEqualTo(1);
        assertThat(members.getBoolean("over")).isFalse();
        assertThat(members.getString("liftedBy")).isEqualTo("PREMIUM");
        assertThat(limit(plan, "MESSAGE_HISTORY_DAYS").getInt("max")).isEqualTo(90);
        assertThat(plan.getJsonArray("limits")).hasSize(7);
        List<JsonObject> plans = plan.getJsonArray("plans").getValuesAs(JsonObject.class);
        assertThat(plans).extracting(p -> p.getString("code")).as("lowest rank first (other tests add tiny plans)")
                .startsWith("FREE").endsWith("PREMIUM");
        JsonObject premium = plans.get(plans.size() - 1);
        assertThat(premium.getJsonObject("limits").isNull("BOARDS")).as("unlimited").isTrue();
        assertThat(premium.getJsonArray("prices").getValuesAs(JsonObject.class))
                .anySatisfy(p -> {
                    assertThat(p.getString("period")).isEqualTo("MONTHLY");
                    assertThat(p.getString("currency")).isEqualTo("KRW");
                    assertThat(p.getJsonNumber("amount").longValue()).isEqualTo(49000);
                })
                .anySatisfy(p -> assertThat(p.getString("display")).isEqualTo("39.00 USD"));
        // A constant: the access check, subscription and plan, prices, one query per meter (members,
        // boards, storage); 9 with every feature merged. It does not grow with the workspace.
        assertThat(Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow())).isLessThanOrEqualTo(10);
    }

    @Test
    void concurrentJoinsNeverPassTheMemberLimit() throws Exception {
        Api api = api();
        SignedIn owner = user("Race Owner");
        String workspace = create(api, owner, "Race");
        fill(api, owner, workspace, FREE_MEMBERS - 2);
        Reply link = api.post(WORKSPACES + "/" + workspace + "/invite-links", json("role", "MEMBER"), owner.accessToken());
        String token = link.json().getString("token");
        List<SignedIn> joiners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            joiners.add(user("Racer " + i));
        }

        List<Integer> statuses = parallel(joiners.size(), i -> api().post("/api/v1/invite-links/redeem", json("token", token),
                joiners.get(i).accessToken()).status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 402).hasSize(3);
        assertThat(memberCount(api, owner, workspace)).isEqualTo(FREE_MEMBERS);
    }

    private static <T> List<T> parallel(int n, Function<Integer, T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String tinyPlan(Api api, SignedIn owner, String workspace, int members, int boards, int fileBytes, int storage) {
        return tinyPlan(api, owner, workspace, members, boards, fileBytes, storage, 30, 0);
    }

    /** A new tiny plan for the workspace; {@code historyDays} below 0: all history. */
    private static String tinyPlan(Api api, SignedIn owner, String workspace, int members, int boards, int fileBytes, int storage,
                                   int historyDays, int integrations) {
        Reply plan = api.post("/api/v1/test-probe/billing/tiny-plan?workspace=" + workspace + "&members=" + members + "&boards=" + boards
                + "&fileBytes=" + fileBytes + "&storageBytes=" + storage + (historyDays < 0 ? "&historyDays=" : "&historyDays=" + historyDays)
                + "&integrations=" + integrations, json(), owner.accessToken());
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return plan.json().getString("plan");
    }

    private static Reply upload(Api api, SignedIn owner, String workspace, String name, int bytes) {
        return api.request("PUT", WORKSPACES + "/" + workspace + "/files?name=" + name).bearer(owner.accessToken())
                .body("application/octet-stream", "x".repeat(bytes).getBytes(StandardCharsets.UTF_8)).send();
    }

    private static void assertLimit(Reply reply, String limit, long used, long max, String plan) {
        assertProblem(reply, 402, "/problems/plan-limit");
        JsonObject body = reply.json().getJsonObject("limit");
        assertThat(body.getString("limit")).as(reply.toString()).isEqualTo(limit);
        assertThat(body.getJsonNumber("used").longValue()).as(reply.toString()).isEqualTo(used);
        assertThat(body.getJsonNumber("max").longValue()).isEqualTo(max);
        assertThat(body.getString("plan")).isEqualTo(plan);
    }

    @Test
    void everyLimitThatExistsIsEnforcedAndADowngradeMakesTheNewestBoardsReadOnly() {
        Api api = api();
        SignedIn owner = user("Tiny Owner");
        String workspace = create(api, owner, "Tiny");
        String tiny = tinyPlan(api, owner, workspace, 2, 2, 1000, 2500);
        JsonObject plan = plan(api, owner, workspace);
        assertThat(plan.getString("plan")).isEqualTo(tiny);
        assertThat(limit(plan, "BOARDS").getInt("max")).isEqualTo(2);
        assertThat(limit(plan, "STORAGE_BYTES").getInt("used")).isZero();

        join(api, owner, workspace, user("Tiny Second"), MemberRole.MEMBER);
        SignedIn third = user("Tiny Third");
        assertLimit(accept(api, third, invite(api, owner, workspace, third.email(), "MEMBER")), "MEMBERS", 2, 2, tiny);

        String boards = WORKSPACES + "/" + workspace + "/boards";
        String older = api.post(boards, json("name", "Older"), owner.accessToken()).json().getString("id");
        String newer = api.post(boards, json("name", "Newer"), owner.accessToken()).json().getString("id");
        assertLimit(api.post(boards, json("name", "Third"), owner.accessToken()), "BOARDS", 2, 2, tiny);

        assertLimit(upload(api, owner, workspace, "big.txt", 1001), "FILE_BYTES", 1001, 1000, tiny);
        assertThat(upload(api, owner, workspace, "a.txt", 1000).status()).isEqualTo(201);
        assertThat(upload(api, owner, workspace, "b.txt", 1000).status()).isEqualTo(201);
        assertLimit(upload(api, owner, workspace, "c.txt", 1000), "STORAGE_BYTES", 2000, 2500, tiny);
        assertThat(upload(api, owner, workspace, "d.txt", 500).status()).as("what still fits").isEqualTo(201);
        JsonObject used = plan(api, owner, workspace);
        assertThat(limit(used, "STORAGE_BYTES").getInt("used")).isEqualTo(2500);
        assertThat(limit(used, "BOARDS").getInt("used")).isEqualTo(2);
        assertThat(limit(used, "MEMBERS").getInt("used")).isEqualTo(2);

        String smaller = tinyPlan(api, owner, workspace, 2, 1, 1000, 2500);

        assertThat(limit(plan(api, owner, workspace), "BOARDS").getBoolean("over")).isTrue();
        assertLimit(api.post(boards + "/" + newer + "/lists", json("name", "Todo"), owner.accessToken()), "BOARDS", 2, 1, smaller);
        assertThat(api.get(boards + "/" + newer, owner.accessToken()).status()).as("still readable").isEqualTo(200);
        assertThat(api.post(boards + "/" + older + "/lists", json("name", "Todo"), owner.accessToken()).status())
                .as("the oldest board within the limit stays writable").isEqualTo(201);
        assertThat(api.delete(boards + "/" + older, owner.accessToken()).status()).isIn(200, 204);
        assertThat(api.post(boards + "/" + newer + "/lists", json("name", "Todo"), owner.accessToken()).status())
                .as("writable again once the workspace fits").isEqualTo(201);
    }

    @Test
    void thePlansHistoryWindowHidesOlderMessagesWithoutDeletingThem() throws Exception {
        Api api = api();
        SignedIn owner = user("History Owner");
        SignedIn ben = user("History Ben");
        String workspace = create(api, owner, "History");
        join(api, owner, workspace, ben, MemberRole.MEMBER);
        tinyPlan(api, owner, workspace, 10, 10, 1000, 2500, 30, 1);
        String channel = Chat.direct(base, workspace, owner, ben);
        WsClient socket = Chat.connect(base, owner);
        String first = Chat.send(socket, channel, "archived plan one", null).getString("messageId");
        String second = Chat.send(socket, channel, "archived plan two", null).getString("messageId");
        Chat.send(socket, channel, "fresh plan three", null);
        socket.close();
        ageMessage(api, owner, first, 35);
        ageMessage(api, owner, second, 31);

        Reply page = api.get("/api/v1/channels/" + channel + "/messages", ben.accessToken());
        assertThat(texts(page)).as("history, 30 days shown").containsExactly("fresh plan three");
        assertThat(Instant.parse(page.json().getString("visibleFrom"))).isBetween(Instant.now().minus(Duration.ofDays(31)),
                Instant.now().minus(Duration.ofDays(29)));
        assertThat(texts(api.get("/api/v1/workspaces/" + workspace + "/messages?q=plan", ben.accessToken()))).as("search")
                .containsExactly("fresh plan three");
        WsClient back = Chat.connect(base, ben);
        JsonObject resumed = Chat.subscribe(back, channel, 0L);
        assertThat(resumed.getInt("replayed")).as("the replay after a reconnect " + resumed).isEqualTo(1);
        assertThat(Chat.sequences(Chat.messages(back, 1))).containsExactly(3L);
        back.close();

        tinyPlan(api, owner, workspace, 10, 10, 1000, 2500, 32, 1);
        assertThat(texts(api.get("/api/v1/channels/" + channel + "/messages", ben.accessToken())))
                .as("a longer window shows what it covers again").containsExactly("archived plan two", "fresh plan three");
        tinyPlan(api, owner, workspace, 10, 10, 1000, 2500, -1, 1);
        Reply all = api.get("/api/v1/channels/" + channel + "/messages", ben.accessToken());
        assertThat(texts(all)).as("nothing was deleted").containsExactly("archived plan one", "archived plan two", "fresh plan three");
        assertThat(all.json().containsKey("visibleFrom")).as("an unlimited plan hides nothing").isFalse();
    }

    @Test
    void theIntegrationLimitRefusesANewWebhookAndADowngradePausesTheNewestOnes() {
        Api api = api();
        SignedIn owner = user("Hooks Owner");
        String workspace = create(api, owner, "Hooks");
        String one = tinyPlan(api, owner, workspace, 10, 10, 1000, 2500, 30, 1);
        String older = webhook(api, owner, workspace).json().getString("id");
        assertLimit(webhook(api, owner, workspace), "INTEGRATIONS", 1, 1, one);
        assertThat(limit(plan(api, owner, workspace), "INTEGRATIONS").getInt("used")).isEqualTo(1);

        tinyPlan(api, owner, workspace, 10, 10, 1000, 2500, 30, 2);
        Reply second = webhook(api, owner, workspace);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String newer = second.json().getString("id");
        join(api, owner, workspace, user("Hooks First Joiner"), MemberRole.MEMBER);
        awaitDeliveries(api, owner, workspace, older, 1);
        awaitDeliveries(api, owner, workspace, newer, 1);

        String lower = tinyPlan(api, owner, workspace, 10, 10, 1000, 2500, 30, 1);
        assertThat(limit(plan(api, owner, workspace), "INTEGRATIONS").getBoolean("over")).isTrue();
        join(api, owner, workspace, user("Hooks Second Joiner"), MemberRole.MEMBER);
        awaitDeliveries(api, owner, workspace, older, 2);
        assertThat(deliveries(api, owner, workspace, newer)).as("the newest webhook is paused by the plan").hasSize(1);
        assertThat(api.delete(WORKSPACES + "/" + workspace + "/webhooks/" + newer, owner.accessToken()).status())
                .as("a paused webhook can be deleted").isEqualTo(204);
        assertLimit(webhook(api, owner, workspace), "INTEGRATIONS", 1, 1, lower);
    }

    private static Reply webhook(Api api, SignedIn owner, String workspace) {
        // Nothing listens on port 9: deliveries are recorded (and fail), which is all this test needs.
        return api.post(WORKSPACES + "/" + workspace + "/webhooks", Json.createObjectBuilder().add("url", "http://127.0.0.1:9/hook")
                .add("format", "JSON").add("events", Json.createArrayBuilder().add("member.joined")).build(), owner.accessToken());
    }

    private static List<JsonObject> deliveries(Api api, SignedIn owner, String workspace, String webhook) {
        Reply page = api.get(WORKSPACES + "/" + workspace + "/webhooks/" + webhook + "/deliveries", owner.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static void awaitDeliveries(Api api, SignedIn owner, String workspace, String webhook, int count) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (deliveries(api, owner, workspace, webhook).size() < count) {
            assertThat(Instant.now()).as("webhook " + webhook + " has " + count + " deliveries").isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(deliveries(api, owner, workspace, webhook)).hasSize(count);
    }

    private static void ageMessage(Api api, SignedIn owner, String message, int days) {
        Reply aged = api.post("/api/v1/test-probe/billing/age-message?message=" + message + "&days=" + days, json(), owner.accessToken());
        assertThat(aged.status()).as(aged.toString()).isEqualTo(200);
        assertThat(aged.json().getInt("updated")).isEqualTo(1);
    }

    private static List<String> texts(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")).toList();
    }

    // ---------------------------------------------------------------- the sandbox checkout through HTTP

    @Test
    void theMemberLimitRefusesJoiningUntilTheSandboxCheckoutUpgradesTheWorkspace() throws Exception {
        Api api = api();
        SignedIn owner = user("Upgrade Owner");
        String workspace = create(api, owner, "Upgrade 업그레이드");
        fill(api, owner, workspace, FREE_MEMBERS);
        SignedIn eleventh = user("Eleventh Upgrade");
        String invitation = invite(api, owner, workspace, eleventh.email(), "MEMBER");

        Reply refused = accept(api, eleventh, invitation);

        assertProblem(refused, 402, "/problems/plan-limit");
        JsonObject limit = refused.json().getJsonObject("limit");
        assertThat(limit.getString("limit")).isEqualTo("MEMBERS");
        assertThat(limit.getInt("used")).isEqualTo(FREE_MEMBERS);
        assertThat(limit.getInt("max")).isEqualTo(FREE_MEMBERS);
        assertThat(limit.getString("plan")).isEqualTo("FREE");
        assertThat(limit.getString("liftedBy")).isEqualTo("PREMIUM");
        assertThat(memberCount(api, owner, workspace)).isEqualTo(FREE_MEMBERS);
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/invitations")).anySatisfy(i -> {
            assertThat(i.getString("id")).isEqualTo(invitation);
            assertThat(i.getString("status")).as("the invitation can still be accepted later").isEqualTo("PENDING");
        });
        Reply link = api.post(WORKSPACES + "/" + workspace + "/invite-links", json("role", "MEMBER", "maxUses", 5), owner.accessToken());
        String token = link.json().getString("token");
        assertProblem(api.post("/api/v1/invite-links/redeem", json("token", token), eleventh.accessToken()), 402, "/problems/plan-limit");
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/invite-links").get(0).getInt("uses"))
                .as("a refused redemption spends no use").isZero();

        Reply started = checkout(api, owner, workspace, "MONTHLY", "KRW");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonObject payment = started.json().getJsonObject("payment");
        assertThat(payment.getString("status")).isEqualTo("PENDING");
        assertThat(payment.getJsonNumber("amount").longValue()).isEqualTo(49000);
        assertThat(payment.getString("currency")).isEqualTo("KRW");
        String page = pagePath(started.json().getString("checkoutUrl"));

        Reply english = api.request("GET", page).header("Accept-Language", "en").send();
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.contentType()).startsWith("text/html");
        assertThat(english.body()).contains("Sandbox checkout", "49,000 KRW", "4242 4242 4242 4242", "<form method=\"post\"");
        Reply korean = api.request("GET", page + "?lang=ko").send();
        assertThat(korean.body()).contains("샌드박스 결제", "카드 번호", "lang=\"ko\"");
        Reply notACard = postForm(api, page, "card", "1234 5678 9012 3456");
        assertThat(notACard.status()).isEqualTo(422);
        assertThat(notACard.body()).contains("not a sandbox test card");

        Reply paid = postForm(api, page, "card", "4242 4242 4242 4242", "expiry", "12/34", "cvc", "123", "name", "Kim");

        assertThat(paid.status()).as(paid.toString()).isEqualTo(303);
        assertThat(paid.header("Location").orElseThrow()).contains("#/w/" + workspace + "/billing", "result=success");
        awaitPayment(api, owner, workspace, payment.getString("id"), "PAID");
        JsonObject premium = awaitPlan(api, owner, workspace, "PREMIUM");
        assertThat(limit(premium, "MEMBERS").getInt("max")).isEqualTo(500);
        assertThat(premium.getString("periodEnd")).isNotBlank();
        assertThat(accept(api, eleventh, invitation).status()).as("the new limit applies").isEqualTo(200);
        assertThat(memberCount(api, owner, workspace)).isEqualTo(FREE_MEMBERS + 1);
        assertThat(api.get(page, null).body()).as("a paid checkout is closed").contains("closed");

        List<JsonObject> invoices = list(api, owner, WORKSPACES + "/" + workspace + "/billing/invoices");
        assertThat(invoices).hasSize(1);
        JsonObject invoice = invoices.get(0);
        assertThat(invoice.getString("paymentId")).isEqualTo(payment.getString("id"));
        assertThat(invoice.getString("status")).isEqualTo("PAID");
        assertThat(invoice.getString("workspaceName")).isEqualTo("Upgrade 업그레이드");
        Reply printable = api.request("GET", WORKSPACES + "/" + workspace + "/billing/invoices/" + invoice.getString("id")
                + "/printable?lang=ko").bearer(owner.accessToken()).send();
        assertThat(printable.status()).isEqualTo(200);
        assertThat(printable.contentType()).startsWith("text/html");
        assertThat(printable.body()).contains(invoice.getString("number"), "49,000 KRW", "청구서", "Upgrade 업그레이드");

        MimeMessage receipt = await(() -> mailsTo(owner.email()), mails -> !mails.isEmpty(), "a receipt mail").get(0);
        assertThat(receipt.getSubject()).contains(invoice.getString("number"));
        assertThat(receipt.getContent().toString()).contains("49,000 KRW", "결제가 완료되었습니다");

        List<JsonObject> trail = list(api, owner, WORKSPACES + "/" + workspace + "/billing/events");
        assertThat(trail).extracting(e -> e.getString("kind"))
                .contains("payment.created", "payment.pending", "payment.paid", "subscription.started");
        assertThat(trail).filteredOn(e -> e.getString("kind").equals("payment.created"))
                .allSatisfy(e -> assertThat(e.getString("actorId")).isEqualTo(owner.id()));
    }

    @Test
    void aDeclinedCardFailsThePaymentAndTheWorkspaceStaysFree() {
        Api api = api();
        SignedIn owner = user("Declined Owner");
        String workspace = create(api, owner, "Declined");
        Reply started = checkout(api, owner, workspace, "YEARLY", "USD");
        assertThat(started.json().getJsonObject("payment").getJsonNumber("amount").longValue()).isEqualTo(39000);
        String paymentId = started.json().getJsonObject("payment").getString("id");

        Reply declined = postForm(api, pagePath(started.json().getString("checkoutUrl")), "card", "4000 0000 0000 0002");

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.body()).contains("declined");
        JsonObject failed = awaitPayment(api, owner, workspace, paymentId, "FAILED");
        assertThat(failed.getString("failureReason")).isEqualTo("card_declined");
        assertThat(plan(api, owner, workspace).getString("plan")).isEqualTo("FREE");
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/invoices")).isEmpty();
        Reply again = checkout(api, owner, workspace, "YEARLY", "USD");
        assertThat(again.status()).as("a failed payment is closed: a new one").isEqualTo(201);
        assertThat(again.json().getJsonObject("payment").getString("id")).isNotEqualTo(paymentId);
    }

    @Test
    void aCardThatNeedsASecondStepIsPaidOnlyAfterTheConfirmation() {
        Api api = api();
        SignedIn owner = user("Secure Owner");
        String workspace = create(api, owner, "Secure");
        Reply started = checkout(api, owner, workspace, "MONTHLY", "KRW");
        String paymentId = started.json().getJsonObject("payment").getString("id");
        String page = pagePath(started.json().getString("checkoutUrl"));

        Reply challenge = postForm(api, page, "card", "4000 0025 0000 3155", "lang", "en");

        assertThat(challenge.status()).isEqualTo(200);
        assertThat(challenge.body()).contains("Confirm this payment", "authenticate");
        assertThat(payment(api, owner, workspace, paymentId).getString("status")).isEqualTo("PENDING");
        Reply confirmed = postForm(api, page + "/authenticate", "outcome", "complete");
        assertThat(confirmed.status()).isEqualTo(303);
        awaitPayment(api, owner, workspace, paymentId, "PAID");
        awaitPlan(api, owner, workspace, "PREMIUM");

        Pending failing = pending("Secure Fail");
        Reply started2 = checkout(failing.api(), failing.owner(), failing.workspace(), "MONTHLY", "KRW");
        String page2 = pagePath(started2.json().getString("checkoutUrl"));
        postForm(failing.api(), page2, "card", "4000002500003155");
        Reply failedStep = postForm(failing.api(), page2 + "/authenticate", "outcome", "fail");
        assertThat(failedStep.status()).isEqualTo(402);
        JsonObject failed = awaitPayment(failing.api(), failing.owner(), failing.workspace(), failing.paymentId(), "FAILED");
        assertThat(failed.getString("failureReason")).isEqualTo("authentication_failed");
    }

    @Test
    void abandoningTheCheckoutCancelsThePayment() {
        Api api = api();
        SignedIn owner = user("Abandon Owner");
        String workspace = create(api, owner, "Abandon");
        Reply started = checkout(api, owner, workspace, "MONTHLY", "KRW");
        String paymentId = started.json().getJsonObject("payment").getString("id");

        Reply back = postForm(api, pagePath(started.json().getString("checkoutUrl")) + "/cancel");

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location").orElseThrow()).contains("result=cancel");
        awaitPayment(api, owner, workspace, paymentId, "CANCELLED");

        Reply other = checkout(api, owner, workspace, "MONTHLY", "KRW");
        String otherId = other.json().getJsonObject("payment").getString("id");
        Reply cancelled = api.post(WORKSPACES + "/" + workspace + "/billing/payments/" + otherId + "/cancel", json(), owner.accessToken());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        Reply refund = api.post(WORKSPACES + "/" + workspace + "/billing/payments/" + otherId + "/refund", json(), owner.accessToken());
        assertProblem(refund, 409, "/problems/payment-state");
    }

    @Test
    void concurrentUpgradeRequestsCreateOnePayment() throws Exception {
        Api api = api();
        SignedIn owner = user("Concurrent Owner");
        String workspace = create(api, owner, "Concurrent");

        List<Reply> replies = parallel(8, i -> checkout(api(), owner, workspace, "MONTHLY", "KRW"));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        Set<String> ids = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (Reply reply : replies) {
            ids.add(reply.json().getJsonObject("payment").getString("id"));
            urls.add(reply.json().getString("checkoutUrl"));
        }
        assertThat(ids).hasSize(1);
        assertThat(urls).as("one checkout at the provider").hasSize(1);
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/payments")).hasSize(1);

        Reply otherTerms = checkout(api, owner, workspace, "YEARLY", "KRW");
        assertThat(otherTerms.status()).isEqualTo(201);
        List<JsonObject> payments = list(api, owner, WORKSPACES + "/" + workspace + "/billing/payments");
        assertThat(payments).extracting(p -> p.getString("status")).containsExactlyInAnyOrder("PENDING", "CANCELLED");
    }

    // ---------------------------------------------------------------- webhooks

    @Test
    void aReplayedOrDuplicatedWebhookChangesNothingTwice() throws Exception {
        Pending p = pending("Replay");
        String body = event(newEventId(), "payment.succeeded", p.paymentId(), 49000, "KRW");

        Reply first = deliverSigned(p.api(), body);
        Reply duplicate = deliverSigned(p.api(), body);
        Reply replayedHeader = deliver(p.api(), body, WebhookSignatures.header(sandboxSecret(), Instant.now().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getString("outcome")).isEqualTo("APPLIED");
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.json().getBoolean("duplicate")).isTrue();
        assertThat(replayedHeader.json().getBoolean("duplicate")).isTrue();
        assertThat(payment(p.api(), p.owner(), p.workspace(), p.paymentId()).getString("status")).isEqualTo("PAID");
        assertThat(list(p.api(), p.owner(), WORKSPACES + "/" + p.workspace() + "/billing/invoices")).hasSize(1);
        List<JsonObject> trail = list(p.api(), p.owner(), WORKSPACES + "/" + p.workspace() + "/billing/events");
        assertThat(trail).filteredOn(e -> e.getString("kind").equals("payment.paid")).hasSize(1);
        Instant periodEnd = Instant.parse(billing(p.api(), p.owner(), p.workspace()).getString("periodEnd"));

        Reply anotherSuccess = deliverSigned(p.api(), event(newEventId(), "payment.succeeded", p.paymentId(), 49000, "KRW"));
        assertThat(anotherSuccess.json().getString("outcome")).isEqualTo("IGNORED");
        assertThat(Instant.parse(billing(p.api(), p.owner(), p.workspace()).getString("periodEnd"))).isEqualTo(periodEnd);
        assertThat(list(p.api(), p.owner(), WORKSPACES + "/" + p.workspace() + "/billing/invoices")).hasSize(1);
    }

    @Test
    void forgedAndStaleWebhooksAreRejected() throws Exception {
        Pending p = pending("Forgery");
        String body = event(newEventId(), "payment.succeeded", p.paymentId(), 49000, "KRW");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        assertProblem(deliver(p.api(), body, null), 400, "/problems/webhook-rejected");
        assertProblem(deliver(p.api(), body, WebhookSignatures.header("whsec_not_the_secret", now, bytes)), 400,
                "/problems/webhook-rejected");
        assertProblem(deliver(p.api(), body, "t=" + now + ",v1=" + "0".repeat(64)), 400, "/problems/webhook-rejected");
        String tampered = body.replace("49000", "49001");
        assertProblem(deliver(p.api(), tampered, WebhookSignatures.header(sandboxSecret(), now, bytes)), 400,
                "/problems/webhook-rejected");
        assertProblem(deliver(p.api(), body, WebhookSignatures.header(sandboxSecret(), now - 600, bytes)), 400,
                "/problems/webhook-rejected");
        assertProblem(deliver(p.api(), body, WebhookSignatures.header(sandboxSecret(), now + 600, bytes)), 400,
                "/problems/webhook-rejected");
        assertProblem(p.api().request("POST", "/api/v1/billing/webhooks/nobody").body("application/json", body).send(), 404,
                "/problems/not-found");

        assertThat(payment(p.api(), p.owner(), p.workspace(), p.paymentId()).getString("status")).isEqualTo("PENDING");
        assertThat(plan(p.api(), p.owner(), p.workspace()).getString("plan")).isEqualTo("FREE");
        Reply genuine = deliverSigned(p.api(), body);
        assertThat(genuine.json().getString("outcome")).as("a rejected event was not recorded").isEqualTo("APPLIED");
    }

    @Test
    void outOfOrderWebhooksNeverUndoOrSkipAStep() throws Exception {
        Pending p = pending("Reorder");
        String refund = event(newEventId(), "payment.refunded", p.paymentId(), 49000, "KRW");

        Reply early = deliverSigned(p.api(), refund);

        assertProblem(early, 409, "/problems/webhook-out-of-order");
        assertThat(payment(p.api(), p.owner(), p.workspace(), p.paymentId()).getString("status")).isEqualTo("PENDING");
        assertThat(deliverSigned(p.api(), event(newEventId(), "payment.succeeded", p.paymentId(), 49000, "KRW"))
                .json().getString("outcome")).isEqualTo("APPLIED");
        Reply lateFailure = deliverSigned(p.api(), event(newEventId(), "payment.failed", p.paymentId(), 49000, "KRW"));
        assertThat(lateFailure.json().getString("outcome")).isEqualTo("IGNORED");
        Reply lateExpiry = deliverSigned(p.api(), event(newEventId(), "checkout.expired", p.paymentId(), 49000, "KRW"));
        assertThat(lateExpiry.json().getString("outcome")).isEqualTo("IGNORED");
        assertThat(payment(p.api(), p.owner(), p.workspace(), p.paymentId()).getString("status")).isEqualTo("PAID");
        assertThat(plan(p.api(), p.owner(), p.workspace()).getString("plan")).isEqualTo("PREMIUM");

        Reply redelivered = deliverSigned(p.api(), refund);
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(redelivered.json().getString("outcome")).isEqualTo("APPLIED");
        assertThat(payment(p.api(), p.owner(), p.workspace(), p.paymentId()).getString("status")).isEqualTo("REFUNDED");
        assertThat(plan(p.api(), p.owner(), p.workspace()).getString("plan")).as("a refunded period ends the plan").isEqualTo("FREE");
        assertThat(list(p.api(), p.owner(), WORKSPACES + "/" + p.workspace() + "/billing/invoices").get(0).getString("status"))
                .isEqualTo("REFUNDED");
        Reply successAfterRefund = deliverSigned(p.api(), event(newEventId(), "payment.succeeded", p.paymentId(), 49000, "KRW"));
        assertThat(successAfterRefund.json().getString("outcome")).isEqualTo("IGNORED");
        assertThat(plan(p.api(), p.owner(), p.workspace()).getString("plan")).isEqualTo("FREE");
    }

    @Test
    void anAmountOrCurrencyMismatchNeverUpgrades() throws Exception {
        Pending less = pending("Mismatch Amount");
        Reply cheap = deliverSigned(less.api(), event(newEventId(), "payment.succeeded", less.paymentId(), 100, "KRW"));
        assertThat(cheap.status()).isEqualTo(200);
        assertThat(cheap.json().getString("outcome")).isEqualTo("REJECTED");
        JsonObject failed = payment(less.api(), less.owner(), less.workspace(), less.paymentId());
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failureReason")).contains("amount mismatch");
        assertThat(plan(less.api(), less.owner(), less.workspace()).getString("plan")).isEqualTo("FREE");

        Pending currency = pending("Mismatch Currency");
        Reply dollars = deliverSigned(currency.api(), event(newEventId(), "payment.succeeded", currency.paymentId(), 49000, "USD"));
        assertThat(dollars.json().getString("outcome")).isEqualTo("REJECTED");
        assertThat(plan(currency.api(), currency.owner(), currency.workspace()).getString("plan")).isEqualTo("FREE");
        assertThat(list(currency.api(), currency.owner(), WORKSPACES + "/" + currency.workspace() + "/billing/events"))
                .extracting(e -> e.getString("kind")).contains("payment.amount-mismatch");
    }

    @Test
    void aWebhookForSomeoneElsesProviderOrUnknownPaymentChangesNothing() throws Exception {
        Pending p = pending("Unknown");
        Reply unknown = deliverSigned(p.api(), event(newEventId(), "payment.succeeded", UUID.randomUUID().toString(), 49000, "KRW"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().getString("outcome")).isEqualTo("IGNORED");
        Reply other = deliverSigned(p.api(), event(newEventId(), "customer.updated", p.paymentId(), 49000, "KRW"));
        assertThat(other.json().getString("outcome")).isEqualTo("IGNORED");
        assertThat(payment(p.api(), p.owner(), p.workspace(), p.paymentId()).getString("status")).isEqualTo("PENDING");
    }

    // ---------------------------------------------------------------- subscriptions over time

    @Test
    void cancelKeepsThePlanUntilThePeriodEndsAndResumeTakesItBack() {
        Api api = api();
        SignedIn owner = user("Cancel Owner");
        String workspace = create(api, owner, "Cancel");
        upgrade(api, owner, workspace, "4242424242424242");
        Instant periodEnd = Instant.parse(billing(api, owner, workspace).getString("periodEnd"));

        Reply cancelled = api.post(WORKSPACES + "/" + workspace + "/billing/subscription/cancel", json(), owner.accessToken());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().getBoolean("cancelAtPeriodEnd")).isTrue();
        assertThat(plan(api, owner, workspace).getString("plan")).isEqualTo("PREMIUM");
        assertProblem(checkout(api, owner, workspace, "MONTHLY", "KRW"), 409, "/problems/already-subscribed");
        Reply resumed = api.post(WORKSPACES + "/" + workspace + "/billing/subscription/resume", json(), owner.accessToken());
        assertThat(resumed.json().getBoolean("cancelAtPeriodEnd")).isFalse();
        api.post(WORKSPACES + "/" + workspace + "/billing/subscription/cancel", json(), owner.accessToken());

        renewalsAt(api, owner, periodEnd.plusSeconds(1));

        assertThat(plan(api, owner, workspace).getString("plan")).isEqualTo("FREE");
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/payments")).hasSize(1);
        assertProblem(api.post(WORKSPACES + "/" + workspace + "/billing/subscription/resume", json(), owner.accessToken()), 409,
                "/problems/subscription-state");
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/events")).extracting(e -> e.getString("kind"))
                .contains("subscription.cancel-requested", "subscription.resumed", "subscription.lapsed");
    }

    @Test
    void theRenewalJobChargesTheSavedCardAndExtendsThePeriodOnce() {
        Api api = api();
        SignedIn owner = user("Renew Owner");
        String workspace = create(api, owner, "Renew");
        upgrade(api, owner, workspace, "4242 4242 4242 4242");
        JsonObject before = billing(api, owner, workspace);
        assertThat(before.getBoolean("savedPaymentMethod")).isTrue();
        Instant periodEnd = Instant.parse(before.getString("periodEnd"));

        assertThat(renewalsAt(api, owner, periodEnd.minusSeconds(60)).getInt("charged")).as("not due yet").isZero();
        JsonObject run = renewalsAt(api, owner, periodEnd.plusSeconds(1));
        renewalsAt(api, owner, periodEnd.plusSeconds(2));

        assertThat(run.getInt("charged")).isGreaterThanOrEqualTo(1);
        JsonObject renewed = await(() -> billing(api, owner, workspace),
                b -> Instant.parse(b.getString("periodEnd")).isAfter(periodEnd), "renewed");
        assertThat(Instant.parse(renewed.getString("periodStart"))).isEqualTo(periodEnd);
        List<JsonObject> payments = list(api, owner, WORKSPACES + "/" + workspace + "/billing/payments");
        assertThat(payments).hasSize(2);
        assertThat(payments).extracting(p -> p.getString("purpose")).containsExactlyInAnyOrder("UPGRADE", "RENEWAL");
        assertThat(payments).allSatisfy(p -> assertThat(p.getString("status")).isEqualTo("PAID"));
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/invoices")).hasSize(2);
    }

    @Test
    void aFailedRenewalGivesAGracePeriodThenTheWorkspaceLapsesToFreeAndWhatIsOverBecomesReadOnly() {
        Api api = api();
        SignedIn owner = user("Grace Owner");
        String workspace = create(api, owner, "Grace");
        upgrade(api, owner, workspace, "4000 0000 0000 0341");
        fill(api, owner, workspace, FREE_MEMBERS + 1);
        Instant periodEnd = Instant.parse(billing(api, owner, workspace).getString("periodEnd"));

        renewalsAt(api, owner, periodEnd.plusSeconds(1));

        JsonObject pastDue = billing(api, owner, workspace);
        assertThat(pastDue.getString("status")).isEqualTo("PAST_DUE");
        Instant graceUntil = Instant.parse(pastDue.getString("graceUntil"));
        assertThat(graceUntil).isEqualTo(periodEnd.plus(Duration.ofDays(7)));
        assertThat(plan(api, owner, workspace).getString("plan")).as("kept during the grace period").isEqualTo("PREMIUM");
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/payments"))
                .anySatisfy(p -> {
                    assertThat(p.getString("purpose")).isEqualTo("RENEWAL");
                    assertThat(p.getString("status")).isEqualTo("FAILED");
                });
        await(() -> mailsTo(owner.email()), mails -> mails.stream().anyMatch(m -> subject(m).contains("renewal failed")),
                "a renewal-failed mail");

        renewalsAt(api, owner, graceUntil.plusSeconds(1));

        JsonObject free = plan(api, owner, workspace);
        assertThat(free.getString("plan")).isEqualTo("FREE");
        JsonObject members = limit(free, "MEMBERS");
        assertThat(members.getInt("used")).as("nobody removed").isEqualTo(FREE_MEMBERS + 1);
        assertThat(members.getBoolean("over")).isTrue();
        SignedIn late = user("Late Joiner");
        assertProblem(accept(api, late, invite(api, owner, workspace, late.email(), "MEMBER")), 402, "/problems/plan-limit");
        Reply removed = api.delete(WORKSPACES + "/" + workspace + "/members/" + list(api, owner, WORKSPACES + "/" + workspace + "/members")
                .get(FREE_MEMBERS).getString("accountId"), owner.accessToken());
        assertThat(removed.status()).as("removing still works, to get under the limit").isEqualTo(204);
    }

    @Test
    void anOwnerRefundEndsThePlanWhenTheProviderConfirms() {
        Api api = api();
        SignedIn owner = user("Refund Owner");
        String workspace = create(api, owner, "Refund");
        String paymentId = upgrade(api, owner, workspace, "4242424242424242");

        Reply refund = api.post(WORKSPACES + "/" + workspace + "/billing/payments/" + paymentId + "/refund", json(), owner.accessToken());

        assertThat(refund.status()).as(refund.toString()).isEqualTo(202);
        awaitPayment(api, owner, workspace, paymentId, "REFUNDED");
        awaitPlan(api, owner, workspace, "FREE");
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/invoices").get(0).getString("status")).isEqualTo("REFUNDED");
        Reply again = api.post(WORKSPACES + "/" + workspace + "/billing/payments/" + paymentId + "/refund", json(), owner.accessToken());
        assertProblem(again, 409, "/problems/payment-state");
    }

    // ---------------------------------------------------------------- who may see billing

    private record Scene(Api api, SignedIn owner, SignedIn caller, String workspace, String paymentId, String invoiceId) {
        String path(String rest) {
            return WORKSPACES + "/" + workspace + rest;
        }
    }

    private static Map<String, Function<Scene, Reply>> billingRequests() {
        Map<String, Function<Scene, Reply>> requests = new java.util.LinkedHashMap<>();
        requests.put("GET billing", s -> s.api.get(s.path("/billing"), s.caller.accessToken()));
        requests.put("GET payments", s -> s.api.get(s.path("/billing/payments"), s.caller.accessToken()));
        requests.put("GET payment", s -> s.api.get(s.path("/billing/payments/" + s.paymentId), s.caller.accessToken()));
        requests.put("GET invoices", s -> s.api.get(s.path("/billing/invoices"), s.caller.accessToken()));
        requests.put("GET invoice", s -> s.api.get(s.path("/billing/invoices/" + s.invoiceId), s.caller.accessToken()));
        requests.put("GET printable", s -> s.api.get(s.path("/billing/invoices/" + s.invoiceId + "/printable"), s.caller.accessToken()));
        requests.put("GET events", s -> s.api.get(s.path("/billing/events"), s.caller.accessToken()));
        requests.put("POST checkout", s -> s.api.post(s.path("/billing/checkout"),
                json("plan", "PREMIUM", "period", "YEARLY", "currency", "USD"), s.caller.accessToken()));
        requests.put("POST cancel", s -> s.api.post(s.path("/billing/subscription/cancel"), json(), s.caller.accessToken()));
        requests.put("POST resume", s -> s.api.post(s.path("/billing/subscription/resume"), json(), s.caller.accessToken()));
        requests.put("POST refund", s -> s.api.post(s.path("/billing/payments/" + s.paymentId + "/refund"), json(), s.caller.accessToken()));
        requests.put("POST cancel payment", s -> s.api.post(s.path("/billing/payments/" + s.paymentId + "/cancel"), json(),
                s.caller.accessToken()));
        return requests;
    }

    @Test
    void onlyOwnersSeeOrChangeBillingAndOthersWorkspacesAnswer404() {
        Api api = api();
        SignedIn owner = user("Matrix Billing Owner");
        String workspace = create(api, owner, "Matrix Billing");
        String paymentId = upgrade(api, owner, workspace, "4242424242424242");
        String invoiceId = list(api, owner, WORKSPACES + "/" + workspace + "/billing/invoices").get(0).getString("id");
        Map<MemberRole, SignedIn> callers = new EnumMap<>(MemberRole.class);
        for (MemberRole role : new MemberRole[] {MemberRole.MANAGER, MemberRole.MEMBER, MemberRole.GUEST}) {
            SignedIn caller = user("Billing " + role);
            join(api, owner, workspace, caller, role);
            callers.put(role, caller);
        }
        SignedIn stranger = user("Billing Stranger");

        List<String> mismatches = new ArrayList<>();
        billingRequests().forEach((name, request) -> {
            for (var entry : callers.entrySet()) {
                Reply reply = request.apply(new Scene(api, owner, entry.getValue(), workspace, paymentId, invoiceId));
                if (reply.status() != 403 || !reply.problemType().equals("/problems/forbidden")) {
                    mismatches.add(entry.getKey() + " " + name + " (expected 403): " + reply);
                }
            }
            Reply foreign = request.apply(new Scene(api, owner, stranger, workspace, paymentId, invoiceId));
            if (foreign.status() != 404 || !foreign.problemType().equals("/problems/not-found")) {
                mismatches.add("stranger " + name + " (expected 404): " + foreign);
            }
        });
        assertThat(mismatches).isEmpty();

        for (MemberRole role : MemberRole.values()) {
            SignedIn caller = role == MemberRole.OWNER ? owner : callers.get(role);
            Reply plan = api.get(WORKSPACES + "/" + workspace + "/plan", caller.accessToken());
            assertThat(plan.status()).as(role + " " + plan).isEqualTo(BillingAction.VIEW_PLAN.allows(role) ? 200 : 403);
            if (plan.status() == 200) {
                assertThat(plan.body()).doesNotContain(paymentId).doesNotContain(invoiceId);
            }
        }
        assertProblem(api.get(WORKSPACES + "/" + workspace + "/plan", stranger.accessToken()), 404, "/problems/not-found");
        assertProblem(api.get(WORKSPACES + "/" + UUID.randomUUID() + "/plan", owner.accessToken()), 404, "/problems/not-found");

        Api otherApi = api();
        String mine = create(otherApi, stranger, "Stranger's");
        assertProblem(otherApi.get(WORKSPACES + "/" + mine + "/billing/payments/" + paymentId, stranger.accessToken()), 404,
                "/problems/not-found");
        assertProblem(otherApi.get(WORKSPACES + "/" + mine + "/billing/invoices/" + invoiceId, stranger.accessToken()), 404,
                "/problems/not-found");
        assertProblem(api.get(WORKSPACES + "/" + workspace + "/billing", null), 401, "/problems/unauthorized");
    }

    @Test
    void checkoutRequestsAreValidated() {
        Api api = api();
        SignedIn owner = user("Validate Owner");
        String workspace = create(api, owner, "Validate");
        assertProblem(api.post(WORKSPACES + "/" + workspace + "/billing/checkout",
                json("plan", "FREE", "period", "MONTHLY", "currency", "KRW"), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(WORKSPACES + "/" + workspace + "/billing/checkout",
                json("plan", "GOLD", "period", "MONTHLY", "currency", "KRW"), owner.accessToken()), 400, "/problems/validation");
        assertProblem(api.post(WORKSPACES + "/" + workspace + "/billing/checkout",
                json("plan", "PREMIUM", "period", "MONTHLY", "currency", "EUR"), owner.accessToken()), 400, "/problems/validation");
        assertThat(api.post(WORKSPACES + "/" + workspace + "/billing/checkout",
                json("plan", "PREMIUM", "period", "WEEKLY", "currency", "KRW"), owner.accessToken()).status()).isEqualTo(400);
        assertProblem(api.post(WORKSPACES + "/" + workspace + "/billing/subscription/cancel", json(), owner.accessToken()), 409,
                "/problems/subscription-state");
        assertThat(list(api, owner, WORKSPACES + "/" + workspace + "/billing/payments")).isEmpty();
    }

    // ---------------------------------------------------------------- mail

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
