package org.moim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.moim.it.Tokens;

/** Accounts, sign-in, tokens and sessions through the real HTTP API on Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    @Test
    void theDailyPurgeForgetsEndedSessionsAndKeepsLiveOnes() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Purged");
        SignedIn other = Accounts.signIn(api, account.email(), Accounts.PASSWORD, account.id());
        assertThat(api.post("/api/v1/auth/logout", json(), account.accessToken()).status()).isEqualTo(204);

        // A cut-off a minute ahead: the session that just ended is old enough; live ones expire much later.
        Reply purged = api.post("/api/v1/test-probe/sessions/purge?before=" + java.time.Instant.now().plusSeconds(60), json());
        assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
        assertThat(Integer.parseInt(purged.body())).isPositive();

        List<JsonObject> sessions = api.get("/api/v1/me/sessions", other.accessToken()).array().getValuesAs(JsonObject.class);
        assertThat(sessions).hasSize(1);
        Reply refreshed = api.post("/api/v1/auth/refresh", json("refreshToken", other.refreshToken()));
        assertThat(refreshed.status()).as("the live session still refreshes: " + refreshed).isEqualTo(200);
        Reply ended = api.post("/api/v1/auth/refresh", json("refreshToken", account.refreshToken()));
        assertThat(ended.status()).as("the ended one is gone: " + ended).isEqualTo(401);
    }

    @Test
    void registerAnswers201WithTheAccountAndNoSecrets() {
        Api api = api();
        String email = Api.newEmail("Mixed.Case");
        Reply reply = api.post("/api/v1/auth/register", json("email", email.toUpperCase(),
                "password", Accounts.PASSWORD, "displayName", "  Jiwoo  ", "locale", "ko", "timeZone", "Asia/Seoul"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/me"));
        JsonObject account = reply.json();
        assertThat(account.getString("email")).isEqualTo(email.toLowerCase());
        assertThat(account.getString("displayName")).isEqualTo("Jiwoo");
        assertThat(account.getString("locale")).isEqualTo("ko");
        assertThat(account.getString("timeZone")).isEqualTo("Asia/Seoul");
        assertThat(account.getString("id")).hasSize(36);
        assertThat(reply.body()).doesNotContainIgnoringCase("password").doesNotContain("PBKDF2");
        // Stored with microseconds: what the database returns is what was written.
        SignedIn signedIn = Accounts.signIn(api, email, Accounts.PASSWORD, account.getString("id"));
        assertThat(api.get("/api/v1/me", signedIn.accessToken()).json().getString("createdAt")).isEqualTo(account.getString("createdAt"));
    }

    @Test
    void registeringAnEmailTwiceAnswers409WhateverItsCase() {
        Api api = api();
        SignedIn first = Accounts.signUp(api, "Twice");
        Reply again = api.post("/api/v1/auth/register", json("email", first.email().toUpperCase(),
                "password", Accounts.PASSWORD, "displayName", "Other"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.problemType()).isEqualTo("/problems/email-taken");
        assertThat(again.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("email");
    }

    @Test
    void emailsThatDifferOnlyInAccentsAreDifferentAccounts() {
        Api api = api();
        String local = "jose." + java.util.UUID.randomUUID().toString().substring(0, 8);
        Reply plain = api.post("/api/v1/auth/register", json("email", local + "@example.com", "password", Accounts.PASSWORD, "displayName", "Jose"));
        Reply accented = api.post("/api/v1/auth/register", json("email", local.replace("jose", "josé") + "@example.com",
                "password", Accounts.PASSWORD, "displayName", "José"));

        assertThat(plain.status()).isEqualTo(201);
        assertThat(accented.status()).as(accented.toString()).isEqualTo(201);
        SignedIn jose = Accounts.signIn(api, local + "@example.com", Accounts.PASSWORD, plain.json().getString("id"));
        assertThat(api.get("/api/v1/me", jose.accessToken()).json().getString("displayName")).isEqualTo("Jose");
    }

    @Test
    void registerReportsEveryInvalidFieldByName() {
        Reply reply = api().post("/api/v1/auth/register", json("email", "not-an-email", "displayName", " "));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("/problems/validation");
        assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .contains("email", "password", "displayName");
    }

    @Test
    void weakPasswordsAreRefusedWithTheRuleTheyBreak() {
        Api api = api();
        String email = Api.newEmail("weak");
        for (String password : List.of("short", "password123", email, "aaaaaaaaaaaa", "x".repeat(129))) {
            Reply reply = api.post("/api/v1/auth/register", json("email", email, "password", password, "displayName", "Weak"));
            assertThat(reply.status()).as(password).isEqualTo(400);
            assertThat(reply.problemType()).isEqualTo("/problems/weak-password");
            assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
        }
    }

    @Test
    void unicodeAndSqlLookingNamesAreStoredVerbatim() {
        Api api = api();
        String name = "김지우 🙂 Robert'); DROP TABLE account;-- <script>alert(1)</script>";
        String email = "지우." + Api.newEmail("unicode");
        Reply registered = api.post("/api/v1/auth/register", json("email", email, "password", Accounts.PASSWORD, "displayName", name));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        SignedIn account = Accounts.signIn(api, email, Accounts.PASSWORD, registered.json().getString("id"));

        assertThat(api.get("/api/v1/me", account.accessToken()).json().getString("displayName")).isEqualTo(name);

        String longest = "가".repeat(100);
        assertThat(api.patch("/api/v1/me", json("displayName", longest), account.accessToken()).json().getString("displayName"))
                .isEqualTo(longest);
        Reply tooLong = api.patch("/api/v1/me", json("displayName", "가".repeat(101)), account.accessToken());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("displayName");
        Reply control = api.patch("/api/v1/me", json("displayName", "bad\u0000name"), account.accessToken());
        assertThat(control.status()).isEqualTo(400);
    }

    @Test
    void loginIssuesAFifteenMinuteRs256TokenWithTheExpectedClaims() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Claims");
        Reply login = api.post("/api/v1/auth/login", json("email", account.email(), "password", Accounts.PASSWORD));

        JsonObject tokens = login.json();
        assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
        assertThat(tokens.getInt("expiresIn")).isEqualTo(900);
        JsonObject claims = Tokens.read(tokens.getString("accessToken"));
        assertThat(claims.getString("iss")).isEqualTo("moim");
        assertThat(claims.getString("aud")).isEqualTo("moim-api");
        assertThat(claims.getString("sub")).isEqualTo(account.id());
        assertThat(claims.getString("jti")).isNotBlank();
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(900);
        assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("user");
        assertThat(api.get("/api/v1/me", tokens.getString("accessToken")).json().getString("email")).isEqualTo(account.email());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Enumeration");
        Reply wrongPassword = api.post("/api/v1/auth/login", json("email", account.email(), "password", "not the password"));
        Reply unknownEmail = api.post("/api/v1/auth/login", json("email", Api.newEmail("nobody"), "password", "not the password"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.problemType()).isEqualTo(unknownEmail.problemType()).isEqualTo("/problems/invalid-credentials");
        assertThat(wrongPassword.json().getString("detail")).isEqualTo(unknownEmail.json().getString("detail"));
        assertThat(wrongPassword.json().getString("title")).isEqualTo(unknownEmail.json().getString("title"));
    }

    @Test
    void fiveFailuresFromOneAddressLockOnlyThatAddressOutOfTheAccount() {
        Api attacker = api();
        SignedIn victim = Accounts.signUp(api(), "Victim");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.post("/api/v1/auth/login", json("email", victim.email(), "password", "guess " + i)).status()).isEqualTo(401);
        }
        Reply locked = attacker.post("/api/v1/auth/login", json("email", victim.email(), "password", Accounts.PASSWORD));

        assertThat(locked.status()).as("even the right password, from that address").isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("/problems/rate-limited");
        assertThat(locked.header("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 900));
        // The owner, from an address they never used before, is not kept out by it.
        Reply owner = api().post("/api/v1/auth/login", json("email", victim.email(), "password", Accounts.PASSWORD));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        // Nor is someone else signing in from the attacker's own address.
        SignedIn bystander = Accounts.signUp(api(), "Bystander");
        assertThat(attacker.post("/api/v1/auth/login", json("email", bystander.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void failuresFromManyAddressesDelayStrangersButNotTheOwnerWhereTheySignedInBefore() {
        Api home = api();
        SignedIn owner = Accounts.signUp(home, "Owner");
        // delay-after is 10: ten addresses fail once each, the eleventh must wait (the tests' delay is a minute).
        for (int i = 0; i < 10; i++) {
            assertThat(api().post("/api/v1/auth/login", json("email", owner.email(), "password", "guess " + i)).status()).isEqualTo(401);
        }
        Reply delayed = api().post("/api/v1/auth/login", json("email", owner.email(), "password", "guess 10"));
        assertThat(delayed.status()).as(delayed.toString()).isEqualTo(429);
        assertThat(delayed.problemType()).isEqualTo("/problems/rate-limited");
        assertThat(delayed.header("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(2, 60));

        Reply atHome = home.post("/api/v1/auth/login", json("email", owner.email(), "password", Accounts.PASSWORD));
        assertThat(atHome.status()).as("the owner at an address they signed in from: " + atHome).isEqualTo(200);
        Reply elsewhere = api().post("/api/v1/auth/login", json("email", owner.email(), "password", Accounts.PASSWORD));
        assertThat(elsewhere.status()).as("a new address waits like everyone else: " + elsewhere).isEqualTo(429);
    }

    @Test
    void aBusyProxyStopsASprayerButNotThoseWhoSignedInThroughItBefore() {
        Api proxy = api();
        SignedIn colleague = Accounts.signUp(proxy, "Colleague");
        SignedIn newcomer = Accounts.signUp(api(), "Newcomer");
        for (int i = 0; i < 50; i++) {
            assertThat(proxy.post("/api/v1/auth/login", json("email", Api.newEmail("sprayed"), "password", "Summer2026!")).status())
                    .isEqualTo(401);
        }
        Reply sprayed = proxy.post("/api/v1/auth/login", json("email", newcomer.email(), "password", Accounts.PASSWORD));
        assertThat(sprayed.status()).as("an account that never came through this address: " + sprayed).isEqualTo(429);

        Reply known = proxy.post("/api/v1/auth/login", json("email", colleague.email(), "password", Accounts.PASSWORD));
        assertThat(known.status()).as("someone who signed in through it before: " + known).isEqualTo(200);
    }

    @Test
    void theConnectionsOwnAddressCountsWhenNoProxyNamesOne() throws Exception {
        SignedIn victim = Accounts.signUp(api(), "Direct");
        // No X-Forwarded-For: the server sees the TCP peer, here a second loopback address.
        HttpClient fromElsewhere = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        HttpClient fromHere = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.3")).build();
        for (int i = 0; i < 5; i++) {
            assertThat(direct(fromElsewhere, victim.email(), "guess " + i).statusCode()).isEqualTo(401);
        }
        assertThat(direct(fromElsewhere, victim.email(), Accounts.PASSWORD).statusCode()).isEqualTo(429);
        assertThat(direct(fromHere, victim.email(), Accounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> direct(HttpClient client, String email, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("email", email, "password", password).toString()))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registrationsAreLimitedPerClientAddress() {
        Api api = api();
        int created = 0;
        Reply reply;
        do {
            reply = api.post("/api/v1/auth/register", json("email", Api.newEmail("bulk"), "password", Accounts.PASSWORD, "displayName", "Bulk"));
            if (reply.status() == 201) {
                created++;
            }
        } while (reply.status() == 201 && created <= 10);

        assertThat(created).isEqualTo(10);
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isPresent();
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Rotate");
        Reply refreshed = api.post("/api/v1/auth/refresh", json("refreshToken", account.refreshToken()));

        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.json().getString("refreshToken");
        assertThat(next).isNotEqualTo(account.refreshToken());
        assertThat(api.get("/api/v1/me", refreshed.json().getString("accessToken")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", json("refreshToken", next)).status()).isEqualTo(200);
    }

    @Test
    void refreshTokenReuseRevokesTheFamily() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Reuse");
        JsonObject second = api.post("/api/v1/auth/refresh", json("refreshToken", account.refreshToken())).json();

        Reply replay = api.post("/api/v1/auth/refresh", json("refreshToken", account.refreshToken()));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.problemType()).isEqualTo("/problems/invalid-refresh-token");
        assertThat(api.post("/api/v1/auth/refresh", json("refreshToken", second.getString("refreshToken"))).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", second.getString("accessToken")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", account.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void concurrentUsesOfOneRefreshTokenSucceedAtMostOnce() throws Exception {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Race");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> uses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uses.add(() -> api.post("/api/v1/auth/refresh", json("refreshToken", account.refreshToken())).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(uses)) {
                statuses.add(status.get());
            }
            assertThat(statuses).as(statuses.toString()).filteredOn(s -> s == 200).hasSizeLessThanOrEqualTo(1);
            assertThat(statuses).as(statuses.toString()).filteredOn(s -> s == 401).hasSizeGreaterThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutRefusesTheAccessTokenAtOnceAndEndsTheSession() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Logout");

        assertThat(api.post("/api/v1/auth/logout", json(), account.accessToken()).status()).isEqualTo(204);

        Reply after = api.get("/api/v1/me", account.accessToken());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(after.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(api.post("/api/v1/auth/refresh", json("refreshToken", account.refreshToken())).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout", json(), null).status()).isEqualTo(401);
    }

    @Test
    void forgedExpiredAndMisaddressedTokensAreRejected() throws Exception {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Forgery");
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        JsonObject good = Tokens.claims(account.id(), "moim", "moim-api", later);
        // The same hand-made claims signed with the server's own key pass: the forgeries below fail for their flaw alone.
        assertThat(api.get("/api/v1/me", Tokens.rs256(good, Tokens.serverKey())).status()).isEqualTo(200);

        List<String> forged = List.of(
                Tokens.unsigned(good),
                Tokens.rs256(good, Tokens.otherKey()),
                Tokens.hs256(good, publicKeyPemOfServer()),
                Tokens.rs256(Tokens.claims(account.id(), "someone-else", "moim-api", later), Tokens.serverKey()),
                Tokens.rs256(Tokens.claims(account.id(), "moim", "another-api", later), Tokens.serverKey()),
                Tokens.rs256(Tokens.claims(account.id(), "moim", "moim-api", Instant.now().minus(Duration.ofMinutes(5))), Tokens.serverKey()),
                account.accessToken().substring(0, account.accessToken().length() - 4) + "AAAA",
                "not.a.jwt",
                "");
        for (String token : forged) {
            Reply reply = api.request("GET", "/api/v1/me").header("Authorization", "Bearer " + token).send();
            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.contentType()).as(token).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception");
        }
    }

    @Test
    void aTokenWithoutTheUserRoleIsForbidden() throws Exception {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Roleless");
        JsonObject claims = Tokens.claims(account.id(), "moim", "moim-api", Instant.now().plusSeconds(600));
        JsonObject roleless = jakarta.json.Json.createObjectBuilder(claims)
                .add("groups", jakarta.json.Json.createArrayBuilder().add("robot")).build();

        Reply reply = api.get("/api/v1/me", Tokens.rs256(roleless, Tokens.serverKey()));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void profileChangesAreValidated() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Profile");

        Reply changed = api.patch("/api/v1/me", json("displayName", "New Name", "locale", "ko", "timeZone", "Europe/Berlin"), account.accessToken());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().getString("locale")).isEqualTo("ko");
        assertThat(api.get("/api/v1/me", account.accessToken()).json().getString("timeZone")).isEqualTo("Europe/Berlin");

        Reply merge = api.request("PATCH", "/api/v1/me").bearer(account.accessToken())
                .body("application/merge-patch+json", json("locale", "en").toString()).send();
        assertThat(merge.json().getString("locale")).isEqualTo("en");
        assertThat(merge.json().getString("displayName")).isEqualTo("New Name");

        Reply badLocale = api.patch("/api/v1/me", json("locale", "fr"), account.accessToken());
        assertThat(badLocale.status()).isEqualTo(400);
        assertThat(badLocale.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("locale");
        Reply badZone = api.patch("/api/v1/me", json("timeZone", "Mars/Olympus"), account.accessToken());
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("timeZone");
    }

    @Test
    void concurrentProfileEditsAnswerSuccessOrConflictNeverAServerError() throws Exception {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> edits = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "Name " + i;
                edits.add(() -> api.patch("/api/v1/me", json("displayName", name), account.accessToken()));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pool.invokeAll(edits)) {
                replies.add(reply.get());
            }
            assertThat(replies).extracting(Reply::status).isSubsetOf(200, 409).contains(200);
            assertThat(replies).filteredOn(r -> r.status() == 409)
                    .allSatisfy(r -> assertThat(r.problemType()).isEqualTo("/problems/conflict"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void changingThePasswordSignsOutEveryOtherSession() {
        Api api = api();
        SignedIn laptop = Accounts.signUp(api, "Password");
        SignedIn phone = Accounts.signIn(api, laptop.email(), Accounts.PASSWORD, laptop.id());

        Reply wrong = api.post("/api/v1/me/password", json("currentPassword", "nope nope nope", "newPassword", "a brand new passphrase"), laptop.accessToken());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problemType()).isEqualTo("/problems/wrong-password");

        Reply weak = api.post("/api/v1/me/password", json("currentPassword", Accounts.PASSWORD, "newPassword", "short"), laptop.accessToken());
        assertThat(weak.problemType()).isEqualTo("/problems/weak-password");
        assertThat(weak.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("newPassword");

        assertThat(api.post("/api/v1/me/password", json("currentPassword", Accounts.PASSWORD, "newPassword", "a brand new passphrase"),
                laptop.accessToken()).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", phone.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", json("refreshToken", phone.refreshToken())).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", laptop.accessToken()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", json("email", laptop.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", json("email", laptop.email(), "password", "a brand new passphrase")).status()).isEqualTo(200);
    }

    @Test
    void sessionsAreListedAndRevokedOnlyByTheirOwner() {
        Api api = api();
        SignedIn laptop = Accounts.signUp(api, "Sessions");
        SignedIn phone = Accounts.signIn(api, laptop.email(), Accounts.PASSWORD, laptop.id());
        SignedIn tablet = Accounts.signIn(api, laptop.email(), Accounts.PASSWORD, laptop.id());
        SignedIn stranger = Accounts.signUp(api, "Stranger");

        List<JsonObject> sessions = api.get("/api/v1/me/sessions", laptop.accessToken()).array().getValuesAs(JsonObject.class);
        assertThat(sessions).hasSize(3);
        assertThat(sessions).filteredOn(s -> s.getBoolean("current")).hasSize(1);
        assertThat(sessions).allSatisfy(s -> assertThat(s.getString("ipAddress")).isEqualTo(api.address()));
        String phoneSession = Tokens.read(phone.accessToken()).getString("sid");

        Reply foreign = api.delete("/api/v1/me/sessions/" + phoneSession, stranger.accessToken());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", phone.accessToken()).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/me/sessions/" + phoneSession, laptop.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", phone.accessToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/sessions", laptop.accessToken()).array()).hasSize(2);

        assertThat(api.delete("/api/v1/me/sessions", laptop.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", tablet.accessToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/sessions", laptop.accessToken()).array()).hasSize(1);
        assertThat(api.delete("/api/v1/me/sessions/not-a-session", laptop.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void listingSessionsRunsTheSameStatementsForOneOrManySessions() {
        Api api = api();
        SignedIn account = Accounts.signUp(api, "Statements");
        int one = statements(api.get("/api/v1/me/sessions", account.accessToken()));
        for (int i = 0; i < 5; i++) {
            Accounts.signIn(api, account.email(), Accounts.PASSWORD, account.id());
        }
        Reply six = api.get("/api/v1/me/sessions", account.accessToken());

        assertThat(six.array()).hasSize(6);
        assertThat(statements(six)).isEqualTo(one).isBetween(1, 2);
        assertThat(statements(api.get("/api/v1/me", account.accessToken()))).isEqualTo(1);
    }

    private static int statements(Reply reply) {
        return Integer.parseInt(reply.header("X-Moim-Sql-Statements").orElseThrow());
    }

    private byte[] publicKeyPemOfServer() throws Exception {
        var key = (java.security.interfaces.RSAPrivateCrtKey) Tokens.serverKey();
        var publicKey = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
