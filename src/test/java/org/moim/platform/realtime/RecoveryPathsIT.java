package org.moim.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Chat;
import org.moim.it.OwnNode;
import org.moim.it.WsClient;

/**
 * The gateway's recovery paths that need limits far below the shipped ones, so that they happen
 * within a test: an access token that expires on an open socket ({@code reauthenticate}, then 4408)
 * and a reconnect after more missed messages than {@code moim.chat.replay-limit} ({@code resync}).
 * One Payara Micro of its own ({@link OwnNode}) with a 60 s access token, the reauthentication
 * request 50 s before expiry and a replay limit of 5. H2 pass only: the paths are in the gateway,
 * not the database.
 */
class RecoveryPathsIT {

    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final Duration TOKEN = Duration.ofSeconds(60);
    private static final int REPLAY_LIMIT = 5;

    private static OwnNode node;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getenv("MOIM_IT_DATABASE")), "runs in the H2 pass");
        Path home = Path.of(System.getProperty("moim.war", "target/moim.war")).toAbsolutePath().getParent()
                .resolve("it-recovery").resolve(UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(home);
        node = OwnNode.launch(home, "recovery", OwnNode.freePort(), OwnNode.freePort(), env -> {
            env.put("MOIM_AUTH_ACCESS_TOKEN_TTL", TOKEN.toString());
            env.put("MOIM_REALTIME_REAUTHENTICATE_BEFORE", "PT50S");
            env.put("MOIM_CHAT_REPLAY_LIMIT", String.valueOf(REPLAY_LIMIT));
        });
        node.awaitReady(BOOT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static URL base() {
        return node.base();
    }

    private static String ticket(SignedIn who) {
        Reply reply = new Api(base()).post("/api/v1/realtime/tickets", json(), who.accessToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("ticket");
    }

    @Test
    void anExpiringTokenIsAskedForAgainAndTheSocketClosesWith4408WhenNoFreshTicketComes() throws Exception {
        Api api = new Api(base());
        SignedIn ann = Accounts.signUp(api, "Ann Expiring");
        WsClient socket = WsClient.connect(base(), "ticket=" + ticket(ann));
        JsonObject hello = socket.next();
        assertThat(hello.getString("type")).isEqualTo("hello");
        Instant firstExpiry = Instant.parse(hello.getString("expiresAt"));

        JsonObject ask = socket.next("reauthenticate");
        assertThat(Instant.parse(ask.getString("deadline"))).isEqualTo(firstExpiry);
        SignedIn again = Accounts.signIn(api, ann.email(), Accounts.PASSWORD, ann.id());
        socket.send("{\"type\":\"authenticate\",\"id\":\"re-1\",\"ticket\":\"" + ticket(again) + "\"}");
        JsonObject authenticated = socket.next("authenticated");
        Instant secondExpiry = Instant.parse(authenticated.getString("expiresAt"));
        assertThat(secondExpiry).as("the fresh ticket's token lives longer").isAfter(firstExpiry);
        socket.send("{\"type\":\"ping\",\"id\":\"after-expiry\"}");
        assertThat(socket.next("pong").getString("id")).as("the re-authenticated connection answers")
                .isEqualTo("after-expiry");

        assertThat(Instant.parse(socket.next("reauthenticate").getString("deadline"))).isEqualTo(secondExpiry);
        // No fresh ticket this time: the server closes when the token expires.
        int code = socket.closeCode(TOKEN.plusSeconds(20));
        assertThat(code).isEqualTo(4408);
        assertThat(Instant.now()).as("closed at the token's expiry, not before").isAfterOrEqualTo(secondExpiry.minusSeconds(1));
    }

    @Test
    void aReconnectAfterMoreThanTheReplayLimitResyncsAndOneWithinItReplays() throws Exception {
        Api api = new Api(base());
        SignedIn ann = Accounts.signUp(api, "Ann Away");
        SignedIn ben = Accounts.signUp(api, "Ben Here");
        String workspace = Chat.workspace(base(), ann, ben);
        String channel = Chat.direct(base(), workspace, ann, ben);

        WsClient away = Chat.connect(base(), ann);
        long seen = Chat.subscribe(away, channel, null).getJsonNumber("lastSequence").longValue();
        away.close();
        WsClient here = Chat.connect(base(), ben);
        for (int i = 0; i < REPLAY_LIMIT + 2; i++) {
            Chat.send(here, channel, "while away " + i, "away-" + i);
        }
        here.close();

        WsClient back = Chat.connect(base(), ann);
        JsonObject tooMany = Chat.subscribe(back, channel, seen);
        assertThat(tooMany.getBoolean("resync")).as("%d missed, limit %d", REPLAY_LIMIT + 2, REPLAY_LIMIT).isTrue();
        assertThat(tooMany.getInt("replayed")).isZero();
        assertThat(tooMany.getJsonNumber("lastSequence").longValue()).isEqualTo(seen + REPLAY_LIMIT + 2);
        assertThat(Chat.sequences(back.drain())).as("nothing replayed with resync: the client reloads history").isEmpty();

        WsClient within = Chat.connect(base(), ann);
        JsonObject fewer = Chat.subscribe(within, channel, seen + 3);
        assertThat(fewer.getBoolean("resync")).isFalse();
        assertThat(fewer.getInt("replayed")).isEqualTo(REPLAY_LIMIT - 1);
        assertThat(Chat.sequences(Chat.messages(within, REPLAY_LIMIT - 1)))
                .containsExactly(seen + 4, seen + 5, seen + 6, seen + 7);
        back.close();
        within.close();
    }
}
