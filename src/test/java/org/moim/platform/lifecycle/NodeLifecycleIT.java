package org.moim.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Chat.connect;
import static org.moim.it.Chat.direct;
import static org.moim.it.Chat.frame;
import static org.moim.it.Chat.workspace;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.OwnNode;
import org.moim.it.WsClient;

/**
 * A node's start and stop as a load balancer and a client see them: readiness never says 200
 * before the API serves, and SIGTERM ends with every socket closed with 1012 after the sends the
 * node took were stored and acknowledged. The test starts Payara Micro itself ({@link OwnNode}):
 * the Arquillian container can neither be watched from its first second nor signalled.
 *
 * <p>Runs in the H2 pass only (its nodes use their own H2 database).
 */
class NodeLifecycleIT {

    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<OwnNode> nodes = new ArrayList<>();
    private Path home;

    @BeforeEach
    void home() {
        Assumptions.assumeTrue("h2".equals(System.getenv("MOIM_IT_DATABASE")), "runs in the H2 pass");
        home = Path.of(System.getProperty("moim.war", "target/moim.war")).toAbsolutePath().getParent()
                .resolve("it-lifecycle").resolve(UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (OwnNode node : nodes) {
            node.close();
        }
    }

    @Test
    void readinessIsNeverUpBeforeTheApiServes() throws Exception {
        OwnNode node = launch("boot", OwnNode.freePort(), OwnNode.freePort());
        Map<String, Integer> seen = new HashMap<>();   // "ready/api" -> how often
        List<String> htmlErrors = new ArrayList<>();
        int readyInARow = 0;
        Instant deadline = Instant.now().plus(BOOT);
        while (readyInARow < 5) {
            assertThat(Instant.now()).as("ready within %s; %s", BOOT, node.tail()).isBefore(deadline);
            assertThat(node.process().isAlive()).as(node.tail()).isTrue();
            HttpResponse<String> ready = get(node.base(), "health/ready");
            HttpResponse<String> api = get(node.base(), "api/v1/me");
            int readyStatus = ready == null ? 0 : ready.statusCode();
            int apiStatus = api == null ? 0 : api.statusCode();
            seen.merge(readyStatus + "/" + apiStatus, 1, Integer::sum);
            if (readyStatus == 200) {
                // Unauthenticated, a served API answers 401 with a problem.
                assertThat(apiStatus).as("/health/ready said 200 while /api/v1/me answered %s (seen so far: %s)", apiStatus, seen)
                        .isEqualTo(401);
                assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                readyInARow++;
            } else {
                readyInARow = 0;
            }
            if (api != null && api.statusCode() >= 500 && api.body().contains("<html")) {
                htmlErrors.add(api.statusCode() + " " + api.body().substring(0, Math.min(200, api.body().length())));
            }
            Thread.sleep(20);
        }
        assertThat(seen.keySet()).as("the boot was watched from before the node was ready: %s", seen)
                .anyMatch(key -> !key.startsWith("200/"));
        assertThat(get(node.base(), "health/started").statusCode()).isEqualTo(200);
        assertThat(get(node.base(), "health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> all = get(node.base(), "health");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"database\"", "\"broker\"", "\"node\"", "\"application\"", "\"process\"");
        System.out.println("Boot as seen by a probe (ready/api status -> samples): " + seen
                + (htmlErrors.isEmpty() ? "" : "; HTML error pages: " + htmlErrors));
    }

    @Test
    void aStopAcknowledgesEverySendItTookAndClosesSocketsWith1012() throws Exception {
        int port = OwnNode.freePort();
        int gridPort = OwnNode.freePort();
        OwnNode node = launch("first", port, gridPort);
        awaitReady(node);
        SignedIn ann = Accounts.signUp(new Api(node.base()), "Ann");
        SignedIn ben = Accounts.signUp(new Api(node.base()), "Ben");
        String workspace = workspace(node.base(), ann, ben);
        String channel = direct(node.base(), workspace, ann, ben);
        WsClient socket = connect(node.base(), ann);

        // A sender that never waits for answers, and a reader that sorts them.
        Map<String, Long> acked = new ConcurrentHashMap<>();       // idempotency key -> sequence
        Map<String, String> refused = new ConcurrentHashMap<>();   // idempotency key -> problem type
        AtomicInteger sent = new AtomicInteger();
        AtomicLong signalledAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger ackedAfterSignal = new AtomicInteger();
        AtomicLong exitedAt = new AtomicLong();
        node.process().onExit().thenRun(() -> exitedAt.set(System.nanoTime()));
        Thread sender = new Thread(() -> {
            try {
                for (int i = 0; i < 50_000; i++) {
                    frame(socket, "type", "send", "id", "k" + i, "channelId", channel, "text", "message " + i, "idempotencyKey", "k" + i);
                    sent.incrementAndGet();
                }
            } catch (RuntimeException closed) {
                // the server closed the socket
            }
        });
        sender.start();
        int closeCode = 0;
        while (closeCode == 0) {
            JsonObject frame;
            try {
                frame = socket.next();
            } catch (AssertionError none) {
                closeCode = socket.closeCode();
                break;
            }
            String replyTo = frame.getString("replyTo", null);
            if ("ack".equals(frame.getString("type")) && replyTo != null) {
                acked.put(replyTo, frame.getJsonNumber("sequence").longValue());
                if (System.nanoTime() > signalledAt.get()) {
                    ackedAfterSignal.incrementAndGet();
                }
            } else if ("error".equals(frame.getString("type")) && replyTo != null) {
                refused.put(replyTo, frame.getJsonObject("problem").getString("type"));
            }
            if (acked.size() == 300 && signalledAt.get() == Long.MAX_VALUE) {
                signalledAt.set(System.nanoTime());
                node.process().destroy(); // SIGTERM
            }
        }
        assertThat(closeCode).as("closed with 1012, service restart").isEqualTo(1012);
        assertThat(node.process().waitFor(40, TimeUnit.SECONDS)).as("stopped; %s", node.tail()).isTrue();
        Thread.sleep(100); // onExit's stage runs just after waitFor returns
        Duration stopTook = Duration.ofNanos(exitedAt.get() - signalledAt.get());
        assertThat(stopTook).as("SIGTERM to exit within moim.shutdown.timeout (20 s)").isLessThanOrEqualTo(Duration.ofSeconds(20));
        sender.join(10_000);
        assertThat(refused.values()).as("refusals are 'unavailable', to send again").allMatch(type -> type.endsWith("/unavailable"));
        assertThat(node.log()).contains("Stopping gracefully (SIGTERM)", "Closed 1 sockets with 1012");
        System.out.printf("Graceful stop: %d sends, %d acknowledged (%d after SIGTERM), %d answered unavailable, exit %d ms after SIGTERM%n",
                sent.get(), acked.size(), ackedAfterSignal.get(), refused.size(), stopTook.toMillis());

        // Started again on the same data: every acknowledged message is there, under its sequence, without gaps.
        OwnNode again = launch("second", port, gridPort);
        awaitReady(again);
        Map<Long, String> stored = new HashMap<>();
        Api api = new Api(again.base());
        long after = 0;
        while (true) {
            Reply page = api.get("/api/v1/channels/" + channel + "/messages?limit=200&after=" + after, ben.accessToken());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<JsonObject> items = page.json().getJsonArray("items").getValuesAs(JsonObject.class);
            if (items.isEmpty()) {
                break;
            }
            for (JsonObject item : items) {
                after = item.getJsonNumber("sequence").longValue();
                stored.put(after, item.getString("text"));
            }
        }
        assertThat(stored.keySet()).as("sequences without gaps").containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, stored.size()).boxed().toList());
        acked.forEach((key, sequence) -> assertThat(stored.get(sequence)).as("acknowledged %s", key)
                .isEqualTo("message " + key.substring(1)));
        assertThat(stored.size()).as("nothing stored twice").isLessThanOrEqualTo(sent.get());
    }

    private OwnNode launch(String name, int port, int gridPort) throws IOException {
        OwnNode node = OwnNode.launch(home, name, port, gridPort, env -> { });
        nodes.add(node);
        return node;
    }

    private static void awaitReady(OwnNode node) throws Exception {
        Instant deadline = Instant.now().plus(BOOT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(node.process().isAlive()).as(node.tail()).isTrue();
            HttpResponse<String> ready = get(node.base(), "health/ready");
            if (ready != null && ready.statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready after " + BOOT + "; " + node.tail());
    }

    /** The answer, or null while nothing listens. */
    private static HttpResponse<String> get(URL base, String path) throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListening) {
            return null;
        }
    }
}
