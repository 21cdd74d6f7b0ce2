package org.moim.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.moim.it.Accounts;
import org.moim.it.Api;
import org.moim.it.OwnNode;

/**
 * A node started while its database is down waits for it: it is never ready, never answers a
 * 5xx with an HTML body, logs why once per attempt, and when the database comes up it finishes
 * deploying and serves without a restart. The database is this fork's MariaDB database behind a
 * gate the test opens: a port that refuses connections until then, and forwards them after.
 *
 * <p>Runs in the MariaDB pass (the gate forwards to MariaDB).
 */
class DatabaseAtStartIT {

    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OwnNode node;
    private Gate gate;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    void aNodeWaitsForADatabaseThatIsDownAtStartThenServes() throws Exception {
        Assumptions.assumeTrue("mariadb".equals(System.getenv("MOIM_IT_DATABASE")), "runs in the MariaDB pass");
        Matcher url = Pattern.compile("^jdbc:mariadb://([^:/]+):(\\d+)/(\\w+)").matcher(System.getenv("MOIM_DB_URL"));
        assertThat(url.find()).as("MOIM_DB_URL %s", System.getenv("MOIM_DB_URL")).isTrue();
        int gatePort = OwnNode.freePort();
        gate = new Gate(gatePort, url.group(1), Integer.parseInt(url.group(2)));
        Path home = Path.of(System.getProperty("moim.war", "target/moim.war")).toAbsolutePath().getParent()
                .resolve("it-dbstart").resolve(UUID.randomUUID().toString().substring(0, 8));
        node = OwnNode.launch(home, "node", OwnNode.freePort(), OwnNode.freePort(), env -> {
            env.put("MOIM_DB_DATASOURCE", "org.mariadb.jdbc.MariaDbDataSource");
            env.put("MOIM_DB_URL", "jdbc:mariadb://127.0.0.1:" + gatePort + "/" + url.group(3));
            env.put("MOIM_DB_USER", System.getenv("MOIM_DB_USER"));
            env.put("MOIM_DB_PASSWORD", System.getenv("MOIM_DB_PASSWORD"));
            env.put("MOIM_DB_START_RETRY_INTERVAL", "PT1S");
        });

        // The database stays away until the node has said three times that it waits for it.
        Map<String, Integer> whileDown = new TreeMap<>();   // "ready/api" status -> samples
        Instant deadline = Instant.now().plus(BOOT);
        while (attemptsLogged() < 3) {
            assertThat(Instant.now()).as("the node reports the unreachable database; %s", node.tail()).isBefore(deadline);
            assertThat(node.process().isAlive()).as(node.tail()).isTrue();
            HttpResponse<String> ready = get("health/ready");
            HttpResponse<String> api = get("api/v1/me");
            whileDown.merge(status(ready) + "/" + status(api), 1, Integer::sum);
            assertThat(status(ready)).as("never ready without a database").isNotEqualTo(200);
            if (api != null && api.statusCode() >= 500) {
                assertThat(api.body()).as("a 5xx while waiting is not an HTML page").doesNotContain("<html");
            }
            Thread.sleep(100);
        }
        assertThat(node.log()).doesNotContain("EclipseLink-4002").doesNotContain("Exception while preparing the app");

        gate.open();
        Instant opened = Instant.now();
        while (status(get("health/ready")) != 200) {
            assertThat(Instant.now()).as("ready after the database came; %s", node.tail()).isBefore(opened.plus(BOOT));
            assertThat(node.process().isAlive()).as(node.tail()).isTrue();
            Thread.sleep(200);
        }
        Duration toReady = Duration.between(opened, Instant.now());
        HttpResponse<String> me = get("api/v1/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Accounts.signUp(new Api(node.base()), "Ann");
        assertThat(node.log()).contains("The database cannot be reached while Moim starts", "The database answers again");
        System.out.println("Database down at start: " + attemptsLogged() + " attempts logged; probes while down (ready/api -> samples) "
                + whileDown + "; ready " + toReady.toMillis() + " ms after the database came");
    }

    private int attemptsLogged() throws IOException {
        return node.log().split("The database cannot be reached while Moim starts", -1).length - 1;
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? 0 : response.statusCode();
    }

    /** The answer, or null while nothing listens. */
    private HttpResponse<String> get(String path) throws Exception {
        URL base = node.base();
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListening) {
            return null;
        }
    }

    /** A TCP port that refuses connections until {@link #open()}, then forwards them to the database. */
    private static final class Gate implements AutoCloseable {

        private final int port;
        private final String host;
        private final int target;
        private volatile ServerSocket server;

        Gate(int port, String host, int target) {
            this.port = port;
            this.host = host;
            this.target = target;
        }

        void open() throws IOException {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket database = new Socket(host, target);
                        pump(client.getInputStream(), database.getOutputStream(), client, database);
                        pump(database.getInputStream(), client.getOutputStream(), client, database);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void pump(InputStream from, OutputStream to, Socket one, Socket other) {
            Thread.ofVirtual().start(() -> {
                try (one; other) {
                    from.transferTo(to);
                } catch (IOException ended) {
                    // either side closed
                }
            });
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
