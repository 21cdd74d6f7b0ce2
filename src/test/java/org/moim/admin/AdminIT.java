package org.moim.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
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
import org.moim.it.Deployments;
import org.moim.it.WsClient;

/** Instance administration through the real HTTP API and a real WebSocket client. */
@ExtendWith(ArquillianExtension.class)
class AdminIT {

    /** The address failsafe's MOIM_ADMIN_EMAILS names. */
    static final String ADMIN_EMAIL = "admin-it@example.com";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    /** The configured administrator, registered by whichever test comes first. */
    static SignedIn admin(Api api) {
        Reply registered = api.post("/api/v1/auth/register", json("email", ADMIN_EMAIL, "password", Accounts.PASSWORD, "displayName", "Admin"));
        Reply login = api.post("/api/v1/auth/login", json("email", ADMIN_EMAIL, "password", Accounts.PASSWORD));
        assertThat(login.status()).as("admin login %s (register %s)", login, registered).isEqualTo(200);
        String id = api.get("/api/v1/me", login.json().getString("accessToken")).json().getString("id");
        return new SignedIn(ADMIN_EMAIL, id, login.json().getString("accessToken"), login.json().getString("refreshToken"));
    }

    private String ticket(Api api, String accessToken) {
        Reply reply = api.post("/api/v1/realtime/tickets", json(), accessToken);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("ticket");
    }

    private static final List<String> READS = List.of("/api/v1/admin/accounts", "/api/v1/admin/audit", "/api/v1/admin/audit.csv",
            "/api/v1/admin/jobs", "/api/v1/admin/webhook-deliveries", "/api/v1/admin/outbox");

    private List<Reply> everyOperation(Api api, String token, String targetId) {
        List<Reply> replies = new ArrayList<>();
        for (String read : READS) {
            replies.add(api.get(read, token));
        }
        replies.add(api.post("/api/v1/admin/accounts/" + targetId + "/deactivation", json(), token));
        replies.add(api.delete("/api/v1/admin/accounts/" + targetId + "/deactivation", token));
        replies.add(api.request("PUT", "/api/v1/admin/accounts/" + targetId + "/administrator").bearer(token).send());
        replies.add(api.delete("/api/v1/admin/accounts/" + targetId + "/administrator", token));
        return replies;
    }

    @Test
    void onlyActiveAdministratorsMayAdministerAsAMatrix() {
        Api api = api();
        SignedIn admin = admin(api);
        SignedIn member = Accounts.signUp(api, "Member");
        SignedIn leaver = Accounts.signUp(api, "Leaver");
        SignedIn target = Accounts.signUp(api, "Target");

        // Administrator: every operation answers 200 (the target ends as it began: active, no administrator).
        assertThat(everyOperation(api, admin.accessToken(), target.id())).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        // Member: 403 not-an-administrator, whatever the operation, and nothing changes.
        assertThat(everyOperation(api, member.accessToken(), target.id())).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.problemType()).isEqualTo("/problems/not-an-administrator");
        });
        // (The administrator's round trip deactivated and reactivated the target: its sessions ended, so it signs in anew.)
        SignedIn targetAgain = Accounts.signIn(api, target.email(), Accounts.PASSWORD, target.id());
        JsonObject found = api.get("/api/v1/admin/accounts?q=" + target.email(), admin.accessToken()).json().getJsonArray("items").getJsonObject(0);
        assertThat(found.getBoolean("systemAdmin")).isFalse();
        assertThat(found.isNull("deactivatedAt")).isTrue();
        assertThat(api.get("/api/v1/me", targetAgain.accessToken()).status()).isEqualTo(200);
        // Deactivated (even one that was an administrator): 401, as for anyone without a valid token.
        assertThat(api.request("PUT", "/api/v1/admin/accounts/" + leaver.id() + "/administrator").bearer(admin.accessToken()).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/accounts/" + leaver.id() + "/deactivation", json(), admin.accessToken()).status()).isEqualTo(200);
        assertThat(everyOperation(api, leaver.accessToken(), target.id())).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.problemType()).isEqualTo("/problems/unauthorized");
        });
        assertThat(everyOperation(api, null, target.id())).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(401));
        // Someone else's or nobody's id: 404.
        Reply unknown = api.post("/api/v1/admin/accounts/" + UUID.randomUUID() + "/deactivation", json(), admin.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void deactivationEndsEverySessionAndSocketAtOnceAndRefusesRefreshAndSignIn() throws Exception {
        Api api = api();
        SignedIn admin = admin(api);
        SignedIn leaver = Accounts.signUp(api, "Leaver");
        SignedIn phone = Accounts.signIn(api(), leaver.email(), Accounts.PASSWORD, leaver.id());
        WsClient laptopSocket = WsClient.connect(base, "ticket=" + ticket(api, leaver.accessToken()));
        WsClient phoneSocket = WsClient.connect(base, "ticket=" + ticket(api, phone.accessToken()));
        laptopSocket.next();
        phoneSocket.next();

        Reply deactivated = api.post("/api/v1/admin/accounts/" + leaver.id() + "/deactivation", json(), admin.accessToken());
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().getString("deactivatedAt")).isNotBlank();

        assertThat(laptopSocket.closeCode()).isEqualTo(4403);
        assertThat(phoneSocket.closeCode()).isEqualTo(4403);
        assertThat(api.get("/api/v1/me", leaver.accessToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", phone.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/realtime/tickets", json(), phone.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", json("refreshToken", phone.refreshToken())).status()).isEqualTo(401);
        Reply signIn = api.post("/api/v1/auth/login", json("email", leaver.email(), "password", Accounts.PASSWORD));
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.problemType()).isEqualTo("/problems/account-deactivated");
        Reply wrongPassword = api.post("/api/v1/auth/login", json("email", leaver.email(), "password", "not the password"));
        assertThat(wrongPassword.problemType()).as("deactivation is said only after the right password").isEqualTo("/problems/invalid-credentials");

        Reply audit = api.get("/api/v1/admin/audit?action=ACCOUNT_DEACTIVATED&account=" + leaver.id(), admin.accessToken());
        JsonObject entry = audit.json().getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("actorId")).isEqualTo(admin.id());
        assertThat(entry.getString("subjectId")).isEqualTo(leaver.id());
        assertThat(entry.getString("address")).isEqualTo(api.address());
        assertThat(entry.getString("detail")).contains("2 sessions ended");

        assertThat(api.delete("/api/v1/admin/accounts/" + leaver.id() + "/deactivation", admin.accessToken()).status()).isEqualTo(200);
        SignedIn back = Accounts.signIn(api, leaver.email(), Accounts.PASSWORD, leaver.id());
        assertThat(api.get("/api/v1/me", back.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", phone.accessToken()).status()).as("the old sessions stay ended").isEqualTo(401);
    }

    @Test
    void theLastActiveAdministratorCanBeNeitherDeactivatedNorDemoted() {
        Api api = api();
        SignedIn admin = admin(api);
        // Leave the configured administrator alone at the top: demote every other active administrator.
        for (JsonObject account : allAccounts(api, admin)) {
            if (account.getBoolean("systemAdmin") && account.isNull("deactivatedAt") && !account.getString("id").equals(admin.id())) {
                assertThat(api.delete("/api/v1/admin/accounts/" + account.getString("id") + "/administrator", admin.accessToken()).status()).isEqualTo(200);
            }
        }
        Reply demote = api.delete("/api/v1/admin/accounts/" + admin.id() + "/administrator", admin.accessToken());
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.problemType()).isEqualTo("/problems/last-administrator");
        Reply deactivate = api.post("/api/v1/admin/accounts/" + admin.id() + "/deactivation", json(), admin.accessToken());
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(deactivate.problemType()).isEqualTo("/problems/last-administrator");

        // With a second administrator, the first may step down; the second then administers.
        SignedIn second = Accounts.signUp(api, "Second");
        assertThat(api.request("PUT", "/api/v1/admin/accounts/" + second.id() + "/administrator").bearer(admin.accessToken()).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", second.accessToken()).json().getBoolean("systemAdmin")).isTrue();
        assertThat(api.delete("/api/v1/admin/accounts/" + admin.id() + "/administrator", second.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/accounts", admin.accessToken()).status()).isEqualTo(403);
        Reply secondAlone = api.delete("/api/v1/admin/accounts/" + second.id() + "/administrator", second.accessToken());
        assertThat(secondAlone.problemType()).isEqualTo("/problems/last-administrator");
        assertThat(api.request("PUT", "/api/v1/admin/accounts/" + admin.id() + "/administrator").bearer(second.accessToken()).send().status()).isEqualTo(200);
    }

    private List<JsonObject> allAccounts(Api api, SignedIn admin) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get("/api/v1/admin/accounts?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), admin.accessToken());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            all.addAll(page.json().getJsonArray("items").getValuesAs(JsonObject.class));
            cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    @Test
    void accountsAreFoundByAPartOfEmailOrNameInCursorPages() {
        Api api = api();
        SignedIn admin = admin(api);
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, Accounts.signUp(api, "Found " + tag + " " + i).id());
        }
        Reply first = api.get("/api/v1/admin/accounts?q=" + tag.toUpperCase() + "&limit=2", admin.accessToken());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        List<String> firstIds = first.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(a -> a.getString("id")).toList();
        Reply second = api.get("/api/v1/admin/accounts?q=" + tag + "&limit=2&cursor=" + first.json().getString("nextCursor"), admin.accessToken());
        List<String> secondIds = second.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(a -> a.getString("id")).toList();

        assertThat(firstIds).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(secondIds).containsExactlyElementsOf(ids.subList(2, 3));
        assertThat(second.json().isNull("nextCursor")).isTrue();
        assertThat(api.get("/api/v1/admin/accounts?q=%25", admin.accessToken()).status()).as("a % is a character, not a wildcard").isEqualTo(200);
        assertThat(api.get("/api/v1/admin/accounts?q=%25" + tag, admin.accessToken()).json().getJsonArray("items")).isEmpty();
        Reply badCursor = api.get("/api/v1/admin/accounts?cursor=not-a-cursor", admin.accessToken());
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("cursor");
        assertThat(api.get("/api/v1/admin/accounts?limit=101", admin.accessToken()).status()).isEqualTo(400);

        // One page, one query, however many rows: the same statements for one account as for three, and for the audit log.
        String one = api.get("/api/v1/admin/accounts?q=" + tag + "&limit=1", admin.accessToken()).header("X-Moim-Sql-Statements").orElseThrow();
        String three = api.get("/api/v1/admin/accounts?q=" + tag + "&limit=3", admin.accessToken()).header("X-Moim-Sql-Statements").orElseThrow();
        assertThat(three).isEqualTo(one);
        String auditOne = api.get("/api/v1/admin/audit?limit=1", admin.accessToken()).header("X-Moim-Sql-Statements").orElseThrow();
        String auditMany = api.get("/api/v1/admin/audit?limit=20", admin.accessToken()).header("X-Moim-Sql-Statements").orElseThrow();
        assertThat(auditMany).isEqualTo(auditOne);
    }

    @Test
    void deadMailsAndWebhookDeliveriesAreListedAndRetriedByAdministratorsOnly() throws Exception {
        Api api = api();
        SignedIn admin = admin(api);
        SignedIn owner = Accounts.signUp(api, "Hooked");
        // No SMTP server listens in this class (JobsIT starts its own), and nothing on this port: both die.
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String workspace = api.post("/api/v1/workspaces", json("name", "Hooks"), owner.accessToken()).json().getString("id");
        Reply webhook = api.post("/api/v1/workspaces/" + workspace + "/webhooks", jakarta.json.Json.createObjectBuilder()
                .add("url", "http://127.0.0.1:" + closedPort + "/hook").add("format", "JSON")
                .add("events", jakarta.json.Json.createArrayBuilder().add("*")).build(), owner.accessToken());
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        String delivery = api.post("/api/v1/workspaces/" + workspace + "/webhooks/" + webhook.json().getString("id") + "/test", json(),
                owner.accessToken()).json().getString("id");
        String job = api.post("/api/v1/me/test-mail", json(), owner.accessToken()).json().getString("jobId");

        JsonObject deadDelivery = awaitListed(api, admin, "/api/v1/admin/webhook-deliveries", delivery);
        assertThat(deadDelivery.getString("status")).isEqualTo("DEAD");
        assertThat(deadDelivery.getInt("attempts")).isEqualTo(3);
        JsonObject deadJob = awaitListed(api, admin, "/api/v1/admin/jobs?queue=moim.alerts", job);
        assertThat(deadJob.getString("type")).isEqualTo("test-mail");
        assertThat(deadJob.getString("lastError")).isNotBlank();
        assertThat(deadJob.getJsonObject("owner").getString("email")).as("whose mail it was").isEqualTo(owner.email());

        // The workspace's owner is no system administrator: the instance-wide lists and retries are refused.
        assertThat(api.get("/api/v1/admin/webhook-deliveries", owner.accessToken()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/jobs/" + job + "/retry", json(), owner.accessToken()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/webhook-deliveries/" + delivery + "/retry", json(), owner.accessToken()).status()).isEqualTo(403);

        Reply retriedJob = api.post("/api/v1/admin/jobs/" + job + "/retry", json(), admin.accessToken());
        assertThat(retriedJob.status()).as(retriedJob.toString()).isEqualTo(202);
        assertThat(retriedJob.json().getString("status")).isEqualTo("QUEUED");
        assertThat(retriedJob.json().getInt("attempts")).isZero();
        Reply retriedDelivery = api.post("/api/v1/admin/webhook-deliveries/" + delivery + "/retry", json(), admin.accessToken());
        assertThat(retriedDelivery.status()).as(retriedDelivery.toString()).isEqualTo(202);
        assertThat(retriedDelivery.json().getString("status")).isEqualTo("PENDING");

        Reply again = api.post("/api/v1/admin/jobs/" + job + "/retry", json(), admin.accessToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("/problems/job-not-dead");
        assertThat(api.post("/api/v1/admin/webhook-deliveries/" + delivery + "/retry", json(), admin.accessToken()).problemType())
                .isEqualTo("/problems/delivery-not-dead");
        assertThat(api.post("/api/v1/admin/jobs/" + UUID.randomUUID() + "/retry", json(), admin.accessToken()).status()).isEqualTo(404);

        List<String> audited = api.get("/api/v1/admin/audit?account=" + admin.id() + "&limit=5", admin.accessToken()).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertThat(audited).startsWith("WEBHOOK_DELIVERY_RETRIED", "JOB_RETRIED");
    }

    /** Polls an admin list of dead work until the item is in it (retries take some seconds in the tests' set-up). */
    private static JsonObject awaitListed(Api api, SignedIn admin, String path, String id) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
        while (java.time.Instant.now().isBefore(deadline)) {
            Reply page = api.get(path, admin.accessToken());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonObject item : page.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (item.getString("id").equals(id)) {
                    return item;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(id + " never listed in " + path);
    }

    @Test
    void theAuditLogRecordsSignInsFailuresAndRoleChangesAndExportsSafeCsv() {
        Api api = api();
        SignedIn admin = admin(api);
        Api attacker = api();
        String formula = "=HYPERLINK(\"http://evil.example\")@example.com";
        assertThat(attacker.post("/api/v1/auth/login", json("email", Api.newEmail("nobody"), "password", "x")).status()).isEqualTo(401);
        assertThat(attacker.post("/api/v1/auth/login", json("email", formula, "password", "x")).status()).isEqualTo(401);
        SignedIn member = Accounts.signUp(api, "Audited");
        assertThat(api.request("PUT", "/api/v1/admin/accounts/" + member.id() + "/administrator").bearer(admin.accessToken()).send().status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/admin/accounts/" + member.id() + "/administrator", admin.accessToken()).status()).isEqualTo(200);

        List<JsonObject> about = api.get("/api/v1/admin/audit?account=" + member.id(), admin.accessToken()).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(about).extracting(e -> e.getString("action")).containsExactly("ADMIN_REVOKED", "ADMIN_GRANTED", "SIGN_IN");
        assertThat(about.get(2).getString("address")).isEqualTo(api.address());
        assertThat(about.get(2).getString("detail")).isEqualTo("password");

        Reply failures = api.get("/api/v1/admin/audit?action=SIGN_IN_FAILED&limit=1", admin.accessToken());
        JsonObject failure = failures.json().getJsonArray("items").getJsonObject(0);
        assertThat(failure.getString("actorEmail")).isEqualTo(formula.toLowerCase());
        assertThat(failure.getString("address")).isEqualTo(attacker.address());
        // Cursor pages: the next page starts right after.
        Reply next = api.get("/api/v1/admin/audit?action=SIGN_IN_FAILED&limit=1&cursor=" + failures.json().getString("nextCursor"), admin.accessToken());
        assertThat(next.json().getJsonArray("items").getJsonObject(0).getString("id")).isNotEqualTo(failure.getString("id"));

        Reply csv = api.get("/api/v1/admin/audit.csv?action=SIGN_IN_FAILED", admin.accessToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\"occurredAt\",\"action\",\"actorId\",\"actorEmail\",\"subjectId\",\"address\",\"detail\"");
        assertThat(csv.body()).contains("\"'=hyperlink(\"\"http://evil.example\"\")@example.com\"");
        assertThat(csv.body()).doesNotContain(",\"=");
        Reply badAction = api.get("/api/v1/admin/audit?action=NOPE", admin.accessToken());
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("action");
    }
}
