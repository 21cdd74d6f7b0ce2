package org.moim.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak (the distribution Maven unpacks into target/keycloak) on loopback, in dev mode
 * with the realm of src/test/resources/keycloak imported: client {@code moim}, users named in
 * that file (password: username + "-secret-42"). Started once per test JVM, on first use, and
 * stopped when the JVM ends. A busy 2-core machine needs up to five minutes to start it
 * (the first start of an unpacked distribution builds it: two more).
 */
public final class Keycloak {

    public static final String REALM = "moim";
    public static final String CLIENT_ID = "moim";
    public static final String CLIENT_SECRET = "moim-it-client-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static Keycloak shared;

    private final Process process;
    private final int port;
    private final Path log;

    private Keycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The one Keycloak of this test JVM, started (and awaited) on first call. */
    public static synchronized Keycloak shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "keycloak-stop"));
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    public static String passwordOf(String username) {
        return username + "-secret-42";
    }

    private static Keycloak start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"));
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script) && !Files.exists(script)) {
            throw new IllegalStateException("No Keycloak at " + home + ": `mvn verify` unpacks it (maven-dependency-plugin, execution 'keycloak')");
        }
        try {
            // A fresh database every run, so the realm is imported as the file says.
            deleteRecursively(home.resolve("data/h2"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (var realm = Keycloak.class.getResourceAsStream("/keycloak/moim-realm.json")) {
                Files.copy(realm, imports.resolve("moim-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            Path log = home.resolve("keycloak-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--http-host=127.0.0.1",
                    "--import-realm", "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Keycloak keycloak = new Keycloak(builder.start(), port, log);
            keycloak.awaitRealm();
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    /** Polls the realm's discovery document until it answers, the process dies, or the time is up. */
    private void awaitRealm() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(1000);  // waiting for an external process to come up: nothing to await but its port
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve " + discovery + " within " + START_TIMEOUT.toMinutes()
                + " minutes (log: " + log + "):\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        return Ports.free();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
