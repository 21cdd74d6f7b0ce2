package org.moim.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Payara Micro with the WAR that a test starts and stops itself, as {@code ./moim} does
 * ({@code target/runtime/payara-micro.jar}, the WAR, the runtime libraries, the post-boot file and
 * failsafe's environment) but on free ports, with its own data directory (H2 database and broker
 * store) and data grid: for tests that must signal, kill or restart the process, which the
 * Arquillian container cannot do in the middle of a test. Its log is {@code <home>/<name>.log}.
 */
public final class OwnNode implements AutoCloseable {

    private final Process process;
    private final URL base;
    private final Path log;

    private OwnNode(Process process, URL base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the process and returns at once; {@code environment} may add or change variables. */
    public static OwnNode launch(Path home, String name, int httpPort, int gridPort, Consumer<Map<String, String>> environment)
            throws IOException {
        Files.createDirectories(home);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = home.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-Duser.timezone=UTC",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", absolute("payara.microJar"),
                "--port", String.valueOf(httpPort),
                "--clustername", "moim-own-" + home.getFileName() + "-" + gridPort,
                "--clustermode", "tcpip:127.0.0.1:" + gridPort,
                "--startport", String.valueOf(gridPort),
                "--interfaces", "127.0.0.1",
                "--rootdir", home.resolve("payara-" + name).toString(),
                "--addlibs", absolute("moim.runtime.lib"),
                "--prebootcommandfile", absolute("moim.preboot"),
                "--postbootcommandfile", absolute("moim.postboot"),
                "--deploy", absolute("moim.war"),
                "--contextroot", "/"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Failsafe's environment (the broker adapter, mail, forwarded-for trusted) with this node's own data and H2.
        env.keySet().removeIf(key -> key.startsWith("MOIM_DB_"));
        env.put("MOIM_DATA_DIR", home.resolve("data").toString());
        env.put("MOIM_JMS_BROKER_CONFIG", "broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory="
                + home.resolve("data/broker"));
        environment.accept(env);
        return new OwnNode(builder.start(), URI.create("http://127.0.0.1:" + httpPort + "/").toURL(), log);
    }

    /**
     * In the MariaDB pass, points a node's environment at an empty MariaDB database of its own
     * (the fork's database name with {@code suffix}, created again now); in the H2 pass the node
     * keeps its own H2 file. For a node that must run with other settings beside the fork's node.
     */
    public static void ownDatabase(Map<String, String> env, String suffix) {
        if (!"mariadb".equals(System.getenv("MOIM_IT_DATABASE"))) {
            return;
        }
        String url = System.getenv("MOIM_DB_URL");
        String name = ItEnvironment.databaseName(url) + "_" + suffix;
        ItEnvironment.recreateMariaDb(name);
        env.put("MOIM_DB_URL", url.replaceFirst("/\\w+([?;].*)?$", "/" + name + "$1"));
        env.put("MOIM_DB_USER", System.getenv("MOIM_DB_USER"));
        env.put("MOIM_DB_PASSWORD", System.getenv("MOIM_DB_PASSWORD"));
        env.put("MOIM_DB_DATASOURCE", System.getenv("MOIM_DB_DATASOURCE"));
    }

    private static String absolute(String property) {
        return Path.of(System.getProperty(property)).toAbsolutePath().toString();
    }

    public URL base() {
        return base;
    }

    public Process process() {
        return process;
    }

    /** Waits until {@code /health/ready} answers 200 with the database check; fails with the log's end if the process exits or time runs out. */
    public OwnNode awaitReady(java.time.Duration within) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
        java.net.http.HttpRequest ready = java.net.http.HttpRequest.newBuilder(base.toURI().resolve("health/ready"))
                .timeout(java.time.Duration.ofSeconds(10)).build();
        java.time.Instant deadline = java.time.Instant.now().plus(within);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + process.exitValue() + "; " + tail());
            }
            try {
                var answer = http.send(ready, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Payara Micro not ready after " + within + "; " + tail());
    }

    /** The last lines of the node's log, for assertion messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "the end of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "no log at " + log + " (" + e + ")";
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** A free port below the ephemeral range ({@link Ports}). */
    public static int freePort() {
        return Ports.free();
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
