package org.moim.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.JsonObject;
import java.net.URL;
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
import org.moim.it.SilentSocket;
import org.moim.it.WsClient;

/** The WebSocket gateway with a real client: tickets, frames, errors, revocation. */
@ExtendWith(ArquillianExtension.class)
class RealtimeIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private String ticket(Api api, String accessToken) {
        Reply reply = api.post("/api/v1/realtime/tickets", json(), accessToken);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("protocol")).isEqualTo("moim.v1");
        return reply.json().getString("ticket");
    }

    @Test
    void aTicketOpensAnAuthenticatedConnectionThatAnswersPings() throws Exception {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Socket");
        WsClient socket = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));

        JsonObject hello = socket.next();
        assertThat(hello.getString("type")).isEqualTo("hello");
        assertThat(hello.getInt("v")).isEqualTo(1);
        assertThat(hello.getString("accountId")).isEqualTo(account.id());
        assertThat(socket.subprotocol()).isEqualTo("moim.v1");

        socket.send("{\"type\":\"ping\",\"id\":\"p-1\"}");
        JsonObject pong = socket.next();
        assertThat(pong.getString("type")).isEqualTo("pong");
        assertThat(pong.getString("id")).isEqualTo("p-1");
        socket.close();
    }

    /**
     * The heartbeat (moim.realtime.idle-timeout is 10 s in the tests): a client that answers
     * nothing is pinged, then closed with 4410; a quiet client that answers pings (every WebSocket
     * library does) stays connected as long as it likes.
     */
    @Test
    void aSilentClientIsPingedThenClosedWith4410WhileAQuietOneStays() throws Exception {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Quiet");
        WsClient quiet = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));
        assertThat(quiet.next().getString("type")).isEqualTo("hello");

        try (SilentSocket silent = SilentSocket.connect(base, "ticket=" + ticket(api, account.accessToken()))) {
            long started = System.nanoTime();
            assertThat(silent.awaitClose()).isEqualTo(4410);
            assertThat(silent.pings()).isPositive();
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(9));
        }

        // Silent as long as the other, apart from its automatic pongs.
        quiet.send("{\"type\":\"ping\",\"id\":\"still-here\"}");
        assertThat(quiet.next().getString("id")).isEqualTo("still-here");
        quiet.close();
    }

    /**
     * A client that stops reading while a channel it follows is busy: once the kernel's buffers
     * and the server's write queue hold moim.realtime.max-queued-frames frames (1000), the server
     * gives up on it (4429) instead of holding an unbounded backlog in memory. The client keeps
     * sending pongs, so it is slow, not gone (that would be 4410). After the close it reads what
     * reached it before the end: far from all.
     */
    @Test
    void aClientThatStopsReadingIsClosedWith4429() throws Exception {
        Api api = new Api(base);
        SignedIn slow = Accounts.signUp(api, "Slow Reader");
        SignedIn talker = Accounts.signUp(api, "Talker");
        String channel = org.moim.it.Chat.workspace(base, slow, talker);
        WsClient talk = WsClient.connect(base, "ticket=" + ticket(api, talker.accessToken()));
        assertThat(talk.next().getString("type")).isEqualTo("hello");

        try (SilentSocket reader = SilentSocket.connect(base, "ticket=" + ticket(api, slow.accessToken()), 8192)) {
            assertThat(reader.nextText()).contains("\"hello\"");
            reader.sendText("{\"type\":\"subscribe\",\"id\":\"follow\",\"channelId\":\"" + channel + "\"}");
            String subscribed;
            do {
                subscribed = reader.nextText();
            } while (subscribed != null && !subscribed.contains("\"follow\""));
            assertThat(subscribed).as("the subscription's answer").contains("\"ack\"");

            java.util.concurrent.ScheduledExecutorService heartbeat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            heartbeat.scheduleAtFixedRate(() -> {
                try {
                    reader.pong();
                } catch (java.io.IOException closed) {
                    // the server closed it: the test reads why
                }
            }, 0, 2, java.util.concurrent.TimeUnit.SECONDS);
            try {
                // Some 30 MB of messages (2,000 of 15,000 characters): far past the kernel's buffers
                // (the reader's is 8 KiB; the server's send buffer grows to 4 MiB) and 1000 frames.
                String text = "x".repeat(15_000);
                for (int batch = 0; batch < 20; batch++) {
                    for (int i = 0; i < 100; i++) {
                        String id = "f" + batch + "-" + i;
                        talk.send("{\"type\":\"send\",\"id\":\"" + id + "\",\"channelId\":\"" + channel + "\",\"text\":\"" + text
                                + "\",\"idempotencyKey\":\"" + id + "\"}");
                    }
                    String last = "f" + batch + "-99";
                    JsonObject ack = talk.next(f -> last.equals(f.getString("replyTo", null)));
                    assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
                }
            } finally {
                heartbeat.shutdownNow();
            }
            // The server gave up on it: its backlog is dropped, not delivered late. The close frame
            // (4429) is written behind that backlog, which closing cancels, so the client mostly
            // sees the connection end without one (1006 in a browser, which reconnects and resumes
            // from its last sequence like after any drop).
            int code = reader.awaitClose();
            assertThat(code).as("the slow reader's end: 4429, or closed without a close frame").isIn(4429, -1);
            assertThat(reader.textsSkipped()).as("messages it could still read of the 2,000").isLessThan(1_500);
        }
        talk.close();
    }

    @Test
    void missingForgedAndReusedTicketsAreClosedWith4401() throws Exception {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Tickets");

        assertThat(WsClient.connect(base, null).closeCode()).isEqualTo(4401);
        assertThat(WsClient.connect(base, "ticket=forged-ticket-value").closeCode()).isEqualTo(4401);

        String ticket = ticket(api, account.accessToken());
        WsClient first = WsClient.connect(base, "ticket=" + ticket);
        assertThat(first.next().getString("type")).isEqualTo("hello");
        assertThat(WsClient.connect(base, "ticket=" + ticket).closeCode()).isEqualTo(4401);
        first.close();

        assertThat(api.post("/api/v1/realtime/tickets", json(), null).status()).isEqualTo(401);
    }

    @Test
    void malformedAndUnknownFramesGetAnErrorFrameAndTheConnectionStays() throws Exception {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Frames");
        WsClient socket = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));
        socket.next();

        for (String bad : new String[] {"not json", "[1,2]", "{\"id\":\"x\"}", "{\"type\":\"teleport\",\"id\":\"t-1\"}"}) {
            socket.send(bad);
            JsonObject error = socket.next();
            assertThat(error.getString("type")).as(bad).isEqualTo("error");
            assertThat(error.getJsonObject("problem").getString("type")).isEqualTo("/problems/malformed-frame");
            assertThat(error.getJsonObject("problem").getInt("status")).isEqualTo(400);
        }
        socket.send("{\"type\":\"ping\",\"id\":\"still-here\"}");
        assertThat(socket.next().getString("id")).isEqualTo("still-here");
        socket.close();
    }

    @Test
    void aDeeplyNestedFrameGetsAnErrorFrameAndAnOversizedOneCloses1009WithoutDisturbingOthers() throws Exception {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Nested");
        WsClient socket = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));
        WsClient bystander = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));
        socket.next();
        bystander.next();

        String arrays = "[".repeat(1000) + "]".repeat(1000);
        String objects = "{\"type\":\"ping\",\"id\":\"deep\",\"x\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000) + "}";
        for (String deep : new String[] {arrays, objects}) {
            socket.send(deep);
            JsonObject error = socket.next();
            assertThat(error.getString("type")).as("a frame nested 1,000 levels deep").isEqualTo("error");
            assertThat(error.getJsonObject("problem").getString("type")).isEqualTo("/problems/malformed-frame");
        }
        socket.send("{\"type\":\"ping\",\"id\":\"after-deep\"}");
        assertThat(socket.next().getString("id")).as("the connection stays").isEqualTo("after-deep");

        // Just over the container's 256 KiB buffer: the client has written it all (the loopback's
        // buffers take it) when the server closes, so the close frame is read and its code seen.
        try {
            socket.send("{\"type\":\"ping\",\"id\":\"huge\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}");
        } catch (java.util.concurrent.CompletionException closedWhileSending) {
            // The server may close before the client has written the whole frame; its close code tells why.
        }
        assertThat(socket.closeCode()).as("a frame over the buffer is too big: 1009, not an internal error").isEqualTo(1009);
        // 16 MiB: the server closes while the client still writes, and the client's write may break
        // before it reads the close frame (a broken pipe). Whatever it sees, never 1011.
        WsClient huge = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));
        huge.next();
        try {
            huge.send("{\"type\":\"ping\",\"id\":\"huge\",\"pad\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}");
        } catch (java.util.concurrent.CompletionException closedWhileSending) {
            // as above
        }
        String outcome;
        try {
            outcome = "closed " + huge.closeCode();
        } catch (java.util.concurrent.ExecutionException cutWhileWriting) {
            assertThat(cutWhileWriting.getCause()).isInstanceOf(java.io.IOException.class);
            outcome = "cut while writing";
        }
        assertThat(outcome).as("a 16 MiB frame: 1009 (or closed before the client read it), never an internal error")
                .isIn("closed 1009", "cut while writing");
        huge.close();

        bystander.send("{\"type\":\"ping\",\"id\":\"unbothered\"}");
        assertThat(bystander.next().getString("id")).isEqualTo("unbothered");
        bystander.close();
    }

    @Test
    void aFreshTicketReauthenticatesOnlyTheSameAccount() throws Exception {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Reauth");
        SignedIn other = Accounts.signUp(api, "Other");
        WsClient socket = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));
        socket.next();

        socket.send("{\"type\":\"authenticate\",\"id\":\"a-1\",\"ticket\":\"" + ticket(api, other.accessToken()) + "\"}");
        JsonObject refused = socket.next();
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("replyTo")).isEqualTo("a-1");
        assertThat(refused.getJsonObject("problem").getString("type")).isEqualTo("/problems/invalid-ticket");

        SignedIn refreshed = Accounts.signIn(api, account.email(), Accounts.PASSWORD, account.id());
        socket.send("{\"type\":\"authenticate\",\"id\":\"a-2\",\"ticket\":\"" + ticket(api, refreshed.accessToken()) + "\"}");
        assertThat(socket.next().getString("type")).isEqualTo("authenticated");
        socket.close();
    }

    @Test
    void signingOutClosesTheSessionsSocketsAtOnce() throws Exception {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Revoked");
        SignedIn elsewhere = Accounts.signIn(api, account.email(), Accounts.PASSWORD, account.id());
        WsClient signingOut = WsClient.connect(base, "ticket=" + ticket(api, account.accessToken()));
        WsClient staying = WsClient.connect(base, "ticket=" + ticket(api, elsewhere.accessToken()));
        signingOut.next();
        staying.next();

        assertThat(api.post("/api/v1/auth/logout", json(), account.accessToken()).status()).isEqualTo(204);

        assertThat(signingOut.closeCode()).isEqualTo(4403);
        staying.send("{\"type\":\"ping\",\"id\":\"alive\"}");
        assertThat(staying.next().getString("id")).isEqualTo("alive");

        String sessionOfStaying = org.moim.it.Tokens.read(elsewhere.accessToken()).getString("sid");
        SignedIn third = Accounts.signIn(api, account.email(), Accounts.PASSWORD, account.id());
        assertThat(api.delete("/api/v1/me/sessions/" + sessionOfStaying, third.accessToken()).status()).isEqualTo(204);
        assertThat(staying.closeCode()).isEqualTo(4403);
    }
}
