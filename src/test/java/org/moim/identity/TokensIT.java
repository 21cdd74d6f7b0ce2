package org.moim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
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
 * Personal access tokens and bots through the public API: the scope matrix (each scope against
 * each area of the API, in one's own workspace and in someone else's), revocation and expiry,
 * the per-token rate limit (failsafe sets it to 40 requests per hour), WebSocket tickets, and a
 * bot's message with its badge over REST and the socket.
 */
@ExtendWith(ArquillianExtension.class)
class TokensIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    /** One area of the API: the scope it needs and a request that succeeds with it (2xx) in a workspace. */
    private record Family(String scope, BiFunction<String, String, Reply> request) {
    }

    private Map<String, Family> families(Api api) {
        Map<String, Family> families = new LinkedHashMap<>();
        families.put("members", new Family("read", (ws, token) -> api.get("/api/v1/workspaces/" + ws + "/members", token)));
        families.put("boards", new Family("boards:write",
                (ws, token) -> api.post("/api/v1/workspaces/" + ws + "/boards", json("name", "By token"), token)));
        families.put("chat", new Family("chat:write",
                (ws, token) -> api.post("/api/v1/channels/" + ws + "/messages", json("text", "From a token"), token)));
        families.put("calendar", new Family("calendar:write", (ws, token) -> api.post("/api/v1/workspaces/" + ws + "/calendar/events",
                json("title", "Standup", "allDay", false, "start", "2026-03-04T10:00:00Z", "end", "2026-03-04T10:15:00Z"), token)));
        families.put("files", new Family("files:write", (ws, token) -> api.request("PUT", "/api/v1/workspaces/" + ws + "/files?name=notes.txt")
                .bearer(token).body("text/plain", "notes " + UUID.randomUUID()).send()));
        families.put("admin", new Family("admin",
                (ws, token) -> api.patch("/api/v1/workspaces/" + ws, json("description", "Changed by a token"), token)));
        return families;
    }

    private static JsonObject tokenRequest(String name, int days, String... scopes) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String scope : scopes) {
            names.add(scope);
        }
        return Json.createObjectBuilder().add("name", name).add("scopes", names).add("expiresInDays", days).build();
    }

    private JsonObject createToken(SignedIn who, String... scopes) {
        Reply created = api().post("/api/v1/me/tokens", tokenRequest("Token " + String.join("+", scopes), 30, scopes), who.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String generalChannel(Api api, String workspace, SignedIn owner) {
        Reply channels = api.get("/api/v1/workspaces/" + workspace + "/channels", owner.accessToken());
        assertThat(channels.status()).as(channels.toString()).isEqualTo(200);
        return workspace;
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.problemType()).as(reply.toString()).isEqualTo(type);
    }

    @Test
    void eachScopeOpensItsAreaOnlyAndOnlyInTheCallersOwnWorkspaces() {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Scopes");
        SignedIn eve = Accounts.signUp(api, "Eve Elsewhere");
        String own = Chat.workspace(base, ann);
        String foreign = Chat.workspace(base, eve);
        generalChannel(api, own, ann);
        generalChannel(api, foreign, eve);
        Map<String, Family> families = families(api);
        for (String scope : List.of("read", "chat:write", "boards:write", "calendar:write", "files:write", "admin")) {
            String token = createToken(ann, scope).getString("secret");
            assertThat(token).startsWith("moim_pat_");
            families.forEach((area, family) -> {
                Reply mine = family.request().apply(own, token);
                Reply theirs = family.request().apply(foreign, token);
                if (family.scope().equals(scope)) {
                    assertThat(mine.status()).as("%s with %s in my workspace: %s", area, scope, mine).isBetween(200, 299);
                    assertProblem(theirs, 404, "/problems/not-found");
                } else {
                    // Refused for the scope before anything is looked up: the answer says nothing about the workspace.
                    assertProblem(mine, 403, "/problems/insufficient-scope");
                    assertProblem(theirs, 403, "/problems/insufficient-scope");
                }
            });
        }
        // With every scope a token still cannot make tokens, bots or change the password.
        String all = createToken(ann, "read", "chat:write", "boards:write", "calendar:write", "files:write", "admin").getString("secret");
        assertProblem(api.post("/api/v1/me/tokens", tokenRequest("Minted by a token", 1, "read"), all), 403, "/problems/insufficient-scope");
        assertProblem(api.get("/api/v1/me/tokens", all), 403, "/problems/insufficient-scope");
        assertProblem(api.post("/api/v1/workspaces/" + own + "/bots", json("name", "Sneaky"), all), 403, "/problems/insufficient-scope");
        assertProblem(api.post("/api/v1/me/password", json("currentPassword", Accounts.PASSWORD, "newPassword", "another horse battery"), all),
                403, "/problems/insufficient-scope");
        Reply me = api.get("/api/v1/me", all);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("id")).isEqualTo(ann.id());
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndListedWithItsLastUse() {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Lists");
        JsonObject created = createToken(ann, "read");
        String secret = created.getString("secret");
        JsonObject token = created.getJsonObject("token");
        assertThat(token.getString("hint")).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(token.isNull("lastUsedAt")).isTrue();
        assertThat(api.get("/api/v1/test-probe/tokens/hash?id=" + token.getString("id"), null).body())
                .hasSize(64).doesNotContain(secret.substring("moim_pat_".length()));

        assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(200);
        Reply listed = api.get("/api/v1/me/tokens", ann.accessToken());
        assertThat(listed.status()).isEqualTo(200);
        JsonObject first = listed.items().getJsonObject(0);
        assertThat(first.getString("id")).isEqualTo(token.getString("id"));
        assertThat(first.getString("status")).isEqualTo("active");
        assertThat(first.isNull("lastUsedAt")).isFalse();
        assertThat(first.containsKey("secret")).isFalse();
        assertThat(listed.body()).doesNotContain(secret);

        assertProblem(api.post("/api/v1/me/tokens", tokenRequest("", 30, "read"), ann.accessToken()), 400, "/problems/validation");
        assertProblem(api.post("/api/v1/me/tokens", tokenRequest("Bad scope", 30, "everything"), ann.accessToken()), 400, "/problems/validation");
        assertProblem(api.post("/api/v1/me/tokens", tokenRequest("No scope", 30), ann.accessToken()), 400, "/problems/validation");
        assertProblem(api.post("/api/v1/me/tokens", tokenRequest("Too long", 366, "read"), ann.accessToken()), 400, "/problems/validation");
    }

    @Test
    void revokedExpiredAndUnknownTokensAreRefusedAtOnce() throws Exception {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Revokes");
        SignedIn eve = Accounts.signUp(api, "Eve Revokes");
        JsonObject revoked = createToken(ann, "read", "chat:write");
        String secret = revoked.getString("secret");
        String id = revoked.getJsonObject("token").getString("id");
        assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(200);
        Reply ticket = api.post("/api/v1/realtime/tickets", json(), secret);
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        WsClient socket = WsClient.connect(base, "ticket=" + ticket.json().getString("ticket"));
        assertThat(socket.next().getString("type")).isEqualTo("hello");

        // Someone else's token id is not found; revoking is for the owner alone.
        assertProblem(api.delete("/api/v1/me/tokens/" + id, eve.accessToken()), 404, "/problems/not-found");
        assertThat(api.delete("/api/v1/me/tokens/" + id, ann.accessToken()).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/me", secret), 401, "/problems/unauthorized");
        assertThat(socket.closeCode()).as("the revoked token's socket is closed").isPositive();
        assertThat(api.get("/api/v1/me/tokens", ann.accessToken()).items().getJsonObject(0).getString("status")).isEqualTo("revoked");

        JsonObject expiring = createToken(ann, "read");
        assertThat(api.get("/api/v1/me", expiring.getString("secret")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/test-probe/tokens/expire?id=" + expiring.getJsonObject("token").getString("id"), json()).status())
                .isEqualTo(204);
        assertProblem(api.get("/api/v1/me", expiring.getString("secret")), 401, "/problems/unauthorized");

        assertProblem(api.get("/api/v1/me", "moim_pat_" + "A".repeat(43)), 401, "/problems/unauthorized");
    }

    @Test
    void eachTokenHasItsOwnRateLimit() {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Floods");
        String busy = createToken(ann, "read").getString("secret");
        String calm = createToken(ann, "read").getString("secret");
        for (int i = 0; i < 40; i++) {
            assertThat(api.get("/api/v1/me", busy).status()).as("request %d", i + 1).isEqualTo(200);
        }
        Reply refused = api.get("/api/v1/me", busy);
        assertProblem(refused, 429, "/problems/rate-limited");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(api.get("/api/v1/me", calm).status()).as("another token of the same person").isEqualTo(200);
        assertThat(api.get("/api/v1/me", ann.accessToken()).status()).as("the person signed in").isEqualTo(200);
    }

    @Test
    void aWebSocketTicketNeedsReadAndChatWrite() throws Exception {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Sockets");
        assertProblem(api.post("/api/v1/realtime/tickets", json(), createToken(ann, "read").getString("secret")), 403,
                "/problems/insufficient-scope");
        Reply ticket = api.post("/api/v1/realtime/tickets", json(), createToken(ann, "read", "chat:write").getString("secret"));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        WsClient socket = WsClient.connect(base, "ticket=" + ticket.json().getString("ticket"));
        JsonObject hello = socket.next();
        assertThat(hello.getString("type")).isEqualTo("hello");
        socket.close();
    }

    @Test
    void aBotPostsWithItsBadgeInItsOwnWorkspaceOnly() throws Exception {
        Api api = api();
        SignedIn ann = Accounts.signUp(api, "Ann Bots");
        SignedIn ben = Accounts.signUp(api, "Ben Bots");
        SignedIn eve = Accounts.signUp(api, "Eve Bots");
        String ws = Chat.workspace(base, ann, ben);
        String foreign = Chat.workspace(base, eve);
        String general = generalChannel(api, ws, ann);
        generalChannel(api, foreign, eve);

        assertProblem(api.post("/api/v1/workspaces/" + ws + "/bots", json("name", "Ben's bot"), ben.accessToken()), 403, "/problems/forbidden");
        assertProblem(api.post("/api/v1/workspaces/" + ws + "/bots", json("name", "Eve's bot"), eve.accessToken()), 404, "/problems/not-found");
        Reply made = api.post("/api/v1/workspaces/" + ws + "/bots", json("name", "Build bot", "avatar", "🤖"), ann.accessToken());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String bot = made.json().getString("id");
        assertThat(made.json().getString("avatar")).isEqualTo("🤖");
        String tokens = "/api/v1/workspaces/" + ws + "/bots/" + bot + "/tokens";
        assertProblem(api.post(tokens, tokenRequest("Too mighty", 30, "admin"), ann.accessToken()), 400, "/problems/validation");
        assertProblem(api.post("/api/v1/workspaces/" + foreign + "/bots/" + bot + "/tokens", tokenRequest("Elsewhere", 30, "read"),
                eve.accessToken()), 404, "/problems/not-found");
        Reply minted = api.post(tokens, tokenRequest("CI", 30, "read", "chat:write"), ann.accessToken());
        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        String botToken = minted.json().getString("secret");

        Reply members = api.get("/api/v1/workspaces/" + ws + "/members", ann.accessToken());
        assertThat(members.items().stream().map(JsonObject.class::cast).filter(m -> m.getString("accountId").equals(bot)).findFirst()
                .orElseThrow().getBoolean("bot")).isTrue();

        WsClient reader = Chat.connect(base, ben);
        Chat.subscribe(reader, general, null);
        Reply posted = api.post("/api/v1/channels/" + general + "/messages", json("text", "Build 512 passed", "idempotencyKey", "b512"), botToken);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().getBoolean("senderBot")).isTrue();
        assertThat(posted.json().getString("senderId")).isEqualTo(bot);
        JsonObject frame = reader.next(f -> "message".equals(f.getString("type", ""))).getJsonObject("message");
        assertThat(frame.getString("senderId")).isEqualTo(bot);
        assertThat(frame.getBoolean("senderBot")).isTrue();
        Reply again = api.post("/api/v1/channels/" + general + "/messages", json("text", "Build 512 passed", "idempotencyKey", "b512"), botToken);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("id")).isEqualTo(posted.json().getString("id"));

        Reply history = api.get("/api/v1/channels/" + general + "/messages", ann.accessToken());
        JsonObject stored = history.json().getJsonArray("items").getJsonObject(history.json().getJsonArray("items").size() - 1);
        assertThat(stored.getBoolean("senderBot")).isTrue();
        Reply byPerson = api.post("/api/v1/channels/" + general + "/messages", json("text", "Thanks"), ann.accessToken());
        assertThat(byPerson.json().getBoolean("senderBot")).isFalse();

        // The bot is nobody elsewhere, and cannot run its own workspace.
        assertProblem(api.post("/api/v1/channels/" + foreign + "/messages", json("text", "Hello?"), botToken), 404, "/problems/not-found");
        assertProblem(api.get("/api/v1/workspaces/" + foreign + "/members", botToken), 404, "/problems/not-found");

        assertThat(api.get("/api/v1/workspaces/" + ws + "/bots", ann.accessToken()).items()).hasSize(1);
        assertProblem(api.delete("/api/v1/workspaces/" + foreign + "/bots/" + bot, eve.accessToken()), 404, "/problems/not-found");
        assertThat(api.delete("/api/v1/workspaces/" + ws + "/bots/" + bot, ann.accessToken()).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/workspaces/" + ws + "/members", botToken), 401, "/problems/unauthorized");
        assertThat(api.get("/api/v1/workspaces/" + ws + "/bots", ann.accessToken()).items()).isEmpty();
        reader.close();
    }
}
