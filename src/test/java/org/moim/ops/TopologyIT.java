package org.moim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;

/**
 * The production topology of {@code ops/} (MariaDB, an external ActiveMQ Classic broker, two Moim
 * nodes, nginx in front), started by {@code ops/up.sh} and driven only through nginx, as clients
 * reach it. nginx names the node that answered in {@code X-Moim-Node}.
 *
 * <p>Runs in the MariaDB pass only (the topology is MariaDB's whatever the pass), with its own run
 * directory ({@code target/ops-it}) and database ({@code moim_topology_it}); the ports are those of
 * {@code ops/lib.sh} (18080-18092, 61700), so one checkout at a time on a machine.
 */
class TopologyIT {

    static final Path RUN = Path.of("target/ops-it").toAbsolutePath();
    static final URL NGINX = url("http://127.0.0.1:18080/");

    @BeforeAll
    static void up() throws Exception {
        Assumptions.assumeTrue(System.getProperty("moim.it.cluster", "").startsWith("moim-it-mariadb"),
                "the ops/ topology runs in the MariaDB pass");
        ops("up.sh");
    }

    @AfterAll
    static void down() throws Exception {
        if (System.getProperty("moim.it.cluster", "").startsWith("moim-it-mariadb")) {
            ops("down.sh");
        }
    }

    /** Both nodes run before each test, whatever the one before did to them (already running: nothing). */
    @BeforeEach
    void bothNodesRun() throws Exception {
        ops("node.sh", "start", "A");
        ops("node.sh", "start", "B");
    }

    @Test
    void anUploadThroughOneNodeIsDownloadedThroughTheOther() {
        Api api = new Api(NGINX);
        SignedIn owner = Accounts.signUp(api, "Uploader");
        String workspace = api.post("/api/v1/workspaces", json("name", "Files"), owner.accessToken()).json().getString("id");
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        ThreadLocalRandom.current().nextBytes(content);

        Reply uploaded = api.request("POST", "/api/v1/workspaces/" + workspace + "/files?name=random.bin")
                .bearer(owner.accessToken()).body("application/octet-stream", content).send();
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String uploadNode = node(uploaded);
        String file = uploaded.json().getString("id");

        byte[] downloaded = null;
        for (int attempt = 0; attempt < 10 && downloaded == null; attempt++) {
            HttpResponse<byte[]> response = download(file, owner.accessToken());
            assertThat(response.statusCode()).isEqualTo(200);
            if (!response.headers().firstValue("X-Moim-Node").orElseThrow().equals(uploadNode)) {
                downloaded = response.body();
            }
        }
        assertThat(downloaded).as("a download answered by the node that did not take the upload").isNotNull();
        assertThat(downloaded).isEqualTo(content);
    }

    @Test
    void nginxRefusesAnUploadOverTheFileLimitAsAProblem() {
        Api api = new Api(NGINX);
        SignedIn owner = Accounts.signUp(api, "Big");
        String workspace = api.post("/api/v1/workspaces", json("name", "Big"), owner.accessToken()).json().getString("id");
        // Past moim.files.max-size (100 MiB) plus nginx's 64 KiB of multipart slack: nginx answers
        // from the Content-Length alone (a raw request: no 100 MiB body to send).
        String answer = rawRequest("POST /api/v1/workspaces/" + workspace + "/files?name=big.bin HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + owner.accessToken() + "\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + (104857600 + 65537) + "\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer).containsIgnoringCase("\r\nContent-Type: application/problem+json\r\n");
        assertThat(answer).contains("\"type\":\"/problems/file-too-large\"");
    }

    static String rawRequest(String request) {
        try (java.net.Socket socket = new java.net.Socket(NGINX.getHost(), NGINX.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void logoutOnOneNodeIsRefusedOnTheOtherAtOnce() {
        Api api = new Api(NGINX);
        SignedIn someone = Accounts.signUp(api, "Leaver");
        Reply logout = api.post("/api/v1/auth/logout", json("refreshToken", someone.refreshToken()), someone.accessToken());
        assertThat(logout.status()).as(logout.toString()).isIn(200, 204);
        String logoutNode = node(logout);

        Reply other = null;
        for (int attempt = 0; attempt < 10 && other == null; attempt++) {
            Reply me = api.get("/api/v1/me", someone.accessToken());
            assertThat(me.status()).as("the access token after logout, on %s", node(me)).isEqualTo(401);
            if (!node(me).equals(logoutNode)) {
                other = me;
            }
        }
        assertThat(other).as("a request answered by the node that did not take the logout").isNotNull();
    }

    @Test
    void failedSignInsSpreadOverBothNodesHitTheLimitAtTheSixth() {
        Api api = new Api(NGINX);
        SignedIn someone = Accounts.signUp(api, "Guessed");
        Set<String> nodes = new HashSet<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Reply failed = api.post("/api/v1/auth/login", json("email", someone.email(), "password", "wrong password " + attempt));
            assertThat(failed.status()).as("attempt %d: %s", attempt, failed).isEqualTo(401);
            nodes.add(node(failed));
        }
        Reply sixth = api.post("/api/v1/auth/login", json("email", someone.email(), "password", "wrong again"));
        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(nodes).as("the five failures were answered by both nodes").hasSize(2);
    }

    @Test
    void anInviteLinkMadeOnOneNodeIsRedeemedOnTheOther() {
        Api api = new Api(NGINX);
        SignedIn owner = Accounts.signUp(api, "Linker");
        String workspace = api.post("/api/v1/workspaces", json("name", "Linked"), owner.accessToken()).json().getString("id");
        Reply made = api.post("/api/v1/workspaces/" + workspace + "/invite-links", json("role", "MEMBER"), owner.accessToken());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String madeOn = node(made);

        // Joiners sign up until one redemption lands on the other node (round robin: soon).
        Reply redeemed = null;
        for (int attempt = 0; attempt < 6 && redeemed == null; attempt++) {
            SignedIn joiner = Accounts.signUp(api, "Joiner");
            Reply reply = api.post("/api/v1/invite-links/redeem", json("token", made.json().getString("token")), joiner.accessToken());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            if (!node(reply).equals(madeOn)) {
                redeemed = reply;
            }
        }
        assertThat(redeemed).as("a redemption answered by the node that did not make the link").isNotNull();
        assertThat(redeemed.json().getString("id")).isEqualTo(workspace);
    }

    @Test
    void chatSurvivesAKilledNodeAndARollingRestart() throws Exception {
        org.assertj.core.api.SoftAssertions rounds = new org.assertj.core.api.SoftAssertions();
        ChatLoad load = new ChatLoad(NGINX, Integer.getInteger("moim.ops.clients", 40), Integer.getInteger("moim.ops.rate", 20));
        try {
            load.start();
            load.runFor(10);
            assertThat(load.totalAcked()).as("messages acknowledged before the kill").isPositive();

            // kill -9 of node A while the clients chat.
            long killAckedBefore = load.totalAcked();
            ops("node.sh", "kill", "A");
            load.runFor(15);
            ChatLoad.Round kill = load.settle("kill -9 of node A");
            assertThat(kill.closed()).as("clients that were on node A (their sockets closed)").isPositive();
            assertThat(kill.closed()).as("clients that stayed on node B").isLessThan(load.clients());
            // Checked at the end, so that one slow reconnect still lets the rolling restart run.
            rounds.assertThat(kill.slowestReconnectMillis()).as("the slowest reconnect through nginx after kill -9").isLessThan(5000);
            assertThat(load.totalAcked()).isGreaterThan(killAckedBefore);
            load.verify();

            // A comes back; half the clients reconnect so that both nodes hold some again.
            ops("node.sh", "start", "A");
            load.reconnectHalf();
            load.runFor(5);
            load.settle("node A back");

            // Rolling restart under load: A stopped gracefully and started, then B.
            ops("node.sh", "stop", "A");
            load.runFor(3);
            ChatLoad.Round stopA = load.settle("graceful stop of node A");
            ops("node.sh", "start", "A");
            ops("node.sh", "stop", "B");
            load.runFor(3);
            ChatLoad.Round stopB = load.settle("graceful stop of node B");
            ops("node.sh", "start", "B");
            load.runFor(5);
            load.settle("node B back");
            assertThat(stopA.closed() + stopB.closed()).as("sockets closed by the graceful stops").isPositive();
            rounds.assertThat(stopA.closeCodes()).as("a graceful stop closes with 1012 only").containsOnlyKeys(1012);
            rounds.assertThat(stopB.closeCodes()).as("a graceful stop closes with 1012 only").containsOnlyKeys(1012);
            rounds.assertThat(Math.max(stopA.slowestReconnectMillis(), stopB.slowestReconnectMillis()))
                    .as("the slowest reconnect through nginx in the rolling restart").isLessThan(5000);
            load.verify();
            load.report(RUN.resolveSibling("ops-it-chat-load.txt"));
            rounds.assertAll();
        } finally {
            load.close();
        }
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseAndDirectory() throws Exception {
        Api api = new Api(NGINX);
        SignedIn owner = Accounts.signUp(api, "Archivist");
        String workspace = api.post("/api/v1/workspaces", json("name", "Kept"), owner.accessToken()).json().getString("id");
        Reply board = api.post("/api/v1/workspaces/" + workspace + "/boards", json("name", "Kept board"), owner.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        SignedIn other = Accounts.signUp(api, "Colleague");
        org.moim.it.Chat.join(NGINX, owner, workspace, other, "MEMBER");
        String channel = org.moim.it.Chat.direct(NGINX, workspace, owner, other);
        var socket = org.moim.it.Chat.connect(NGINX, owner);
        org.moim.it.Chat.subscribe(socket, channel, null);
        for (int i = 1; i <= 5; i++) {
            org.moim.it.Chat.send(socket, channel, "kept " + i, "kept-" + i);
        }
        socket.close();
        byte[] content = new byte[1024 * 1024 + 3];
        ThreadLocalRandom.current().nextBytes(content);
        Reply uploaded = api.request("POST", "/api/v1/workspaces/" + workspace + "/files?name=kept.bin")
                .bearer(owner.accessToken()).body("application/octet-stream", content).send();
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

        // Backed up while the topology runs, restored into a new database and run directory, and
        // one node started on them (port 18089; it shares the running broker).
        Path backup = RUN.resolveSibling("ops-it-backup");
        Path restored = RUN.resolveSibling("ops-it-restored");
        deleteTree(backup);
        deleteTree(restored);
        ops("backup.sh", Map.of(), backup.toString());
        Map<String, String> restoredEnv = Map.of("MOIM_OPS_DIR", restored.toString(), "MOIM_OPS_DB", "moim_topology_it_restored",
                "MOIM_OPS_PORT_A", "18089", "MOIM_OPS_GRID_A", "18097", "MOIM_OPS_GRID_B", "18098");
        ops("db-drop.sh", restoredEnv);
        ops("restore.sh", restoredEnv, backup.toString());
        try {
            ops("node.sh", restoredEnv, "start", "A");
            URL node = url("http://127.0.0.1:18089/");
            Api direct = new Api(node);
            SignedIn again = Accounts.signIn(direct, owner.email(), Accounts.PASSWORD, owner.id());
            Reply boards = direct.get("/api/v1/workspaces/" + workspace + "/boards", again.accessToken());
            assertThat(boards.body()).as(boards.toString()).contains("Kept board");
            Reply history = direct.get("/api/v1/channels/" + channel + "/messages?limit=50", again.accessToken());
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            List<String> messages = history.json().getJsonArray("items").stream()
                    .map(item -> item.asJsonObject().getJsonNumber("sequence").longValue() + ":" + item.asJsonObject().getString("text"))
                    .toList();
            assertThat(messages).containsExactly("1:kept 1", "2:kept 2", "3:kept 3", "4:kept 4", "5:kept 5");
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(node + "api/v1/files/" + uploaded.json().getString("id") + "/content"))
                    .header("Authorization", "Bearer " + again.accessToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(content);
        } finally {
            ops("node.sh", restoredEnv, "stop", "A");
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var all = Files.walk(path)) {
                for (Path each : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }

    static String node(Reply reply) {
        return reply.header("X-Moim-Node").orElseThrow(() -> new AssertionError("no X-Moim-Node on " + reply));
    }

    static HttpResponse<byte[]> download(String file, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(NGINX + "api/v1/files/" + file + "/content"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs an ops/ script with the test's run directory and database; fails with its output. */
    static void ops(String script, String... args) throws IOException, InterruptedException {
        ops(script, Map.of(), args);
    }

    static void ops(String script, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ops/" + script));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // The nodes take no setting of the Arquillian passes, only the topology's (MOIM_OPS_*, e.g.
        // the database host in CI) and these.
        env.keySet().removeIf(name -> name.startsWith("MOIM_") && !name.startsWith("MOIM_OPS_"));
        env.put("MOIM_OPS_DIR", RUN.toString());
        env.put("MOIM_OPS_DB", "moim_topology_it");
        env.put("MOIM_PASSWORD_ITERATIONS", "1024");
        // Every test client comes through nginx from 127.0.0.1: registrations are not what is tested.
        env.put("MOIM_RATE_LIMIT_REGISTER_PER_ADDRESS", "10000");
        // The run outlasts the default 15 minutes on a busy machine; reconnects need a valid token.
        env.put("MOIM_AUTH_ACCESS_TOKEN_TTL", "PT1H");
        if (script.equals("up.sh")) {
            env.put("MOIM_OPS_FRESH", "1");
        }
        env.putAll(extraEnv);
        // Beside the run directory: a fresh up.sh deletes that.
        Path log = RUN.resolveSibling("ops-it-" + script.replace(".sh", "") + ".log");
        Files.writeString(log, "$ " + extraEnv + " ops/" + script + " " + String.join(" ", args) + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Files.createDirectories(log.getParent());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("ops/" + script + " " + String.join(" ", args) + " did not finish; see " + log);
        }
        String output = Files.readString(log);
        System.out.println(output.substring(Math.max(0, output.length() - 2000)));
        assertThat(process.exitValue()).as("ops/%s %s (log %s)", script, String.join(" ", args), log).isZero();
    }

    static URL url(String spec) {
        try {
            return URI.create(spec).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
