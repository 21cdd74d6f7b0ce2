package org.moim.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second Payara Micro with the same WAR, database, signing key and data-grid cluster name as
 * the one Arquillian started: a two-node cluster on this machine. Its log goes to
 * {@code target/second-node-PORT.log}. Close it to stop it.
 */
public final class SecondNode implements AutoCloseable {

    private final Process process;
    private final URL base;

    private SecondNode(Process process, URL base) {
        this.process = process;
        this.base = base;
    }

    public URL base() {
        return base;
    }

    /**
     * Starts the node and waits until it is ready, at most six minutes: alone it boots in some
     * 25 s, but in the full suite it shares two cores with the other fork's Payara (and, at times,
     * its Keycloak and Chromium).
     */
    public static SecondNode start() throws Exception {
        return start(Duration.ofMinutes(6));
    }

    /** Starts the node and waits until it is ready, at most {@code bootTimeout} (a machine under load boots slowly). */
    public static SecondNode start(Duration bootTimeout) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=UTC",
                "-jar", System.getProperty("payara.microJar"),
                "--port", String.valueOf(port),
                "--clustername", System.getProperty("moim.it.cluster"),
                // Other Payara Micros on this machine may hold the first ports: try a range to find the first node.
                "--clustermode", clusterMembers(),
                "--interfaces", "127.0.0.1",
                "--addlibs", System.getProperty("moim.runtime.lib"),
                "--prebootcommandfile", System.getProperty("moim.preboot"),
                "--postbootcommandfile", System.getProperty("moim.postboot"),
                "--deploy", System.getProperty("moim.war"),
                "--contextroot", "/"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(port).toFile());
        Map<String, String> env = builder.environment();
        // Its own embedded broker, in memory: the first node's broker store is locked by it.
        env.put("MOIM_JMS_BROKER_CONFIG", "broker:(vm://localhost)?useJmx=false&persistent=false");
        Process process = builder.start();
        SecondNode node = new SecondNode(process, URI.create("http://127.0.0.1:" + port + "/").toURL());
        try {
            node.awaitReady(bootTimeout);
        } catch (Exception | AssertionError e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** Its log: one per node, as RemindersIT in the other fork may run a second node at the same time. */
    private static Path log(int port) {
        return Path.of("target", "second-node-" + port + ".log");
    }

    private static String clusterMembers() {
        StringBuilder members = new StringBuilder("tcpip:");
        for (int port = 6900; port < 6950; port++) {
            members.append(port == 6900 ? "" : ",").append("127.0.0.1:").append(port);
        }
        return members.toString();
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The second node stopped (exit " + process.exitValue() + "); see " + log(base.getPort()));
            }
            try {
                // Ready, and the application itself answers (an unauthenticated /api/v1/me is its 401).
                if (status(http, "api/v1/me") == 401 && status(http, "health/ready") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(1, TimeUnit.SECONDS);
        }
        throw new AssertionError("The second node was not ready within " + timeout + "; see " + log(base.getPort()) + ". "
                + "Where it stood:\n" + whereItStands());
    }

    /**
     * What a failed boot needs to be understood from CI's output alone: the log's last lines and
     * the stack of the thread that deploys (Payara Micro boots and deploys on "main").
     */
    private String whereItStands() {
        StringBuilder report = new StringBuilder();
        try {
            List<String> log = Files.readAllLines(log(base.getPort()));
            report.append("-- last lines of its log --\n");
            log.subList(Math.max(0, log.size() - 12), log.size()).forEach(line -> report.append(line).append('\n'));
        } catch (IOException | UncheckedIOException e) {
            report.append("(its log could not be read: ").append(e).append(")\n");
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            report.append("-- its main thread --\n");
            boolean inMain = false;
            for (String line : dump.split("\n")) {
                if (line.startsWith("\"")) {
                    inMain = line.startsWith("\"main\"");
                }
                if (inMain) {
                    report.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            report.append("(no thread dump: ").append(e).append(")\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return report.toString();
    }

    private int status(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
