package org.moim.it;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * Starts the node and waits until it is ready, at most {@code bootTimeout} (a machine under
     * load boots slowly). A node that logged its boot but answered nothing for half that time is
     * reported (its log, where its threads stood, what the probes got) and replaced once by a node
     * on another port: the run keeps the report, and a second node that hangs too fails the test.
     */
    public static SecondNode start(Duration bootTimeout) throws Exception {
        try {
            return launch(bootTimeout.dividedBy(2));
        } catch (NotAnswering first) {
            System.err.println("[SecondNode] " + first.getMessage() + "\n[SecondNode] starting another node on another port");
            return launch(bootTimeout.dividedBy(2));
        }
    }

    private static SecondNode launch(Duration bootTimeout) throws Exception {
        int port = Ports.free();
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

    /** A node whose boot did not end in answers within the time given: another may be tried. */
    private static final class NotAnswering extends AssertionError {
        NotAnswering(String message) {
            super(message);
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        // HTTP/1.1: the default (HTTP/2 first) adds an h2c upgrade to every probe, not what is probed here.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> lastAnswers = new java.util.LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The second node stopped (exit " + process.exitValue() + "); see " + log(base.getPort()));
            }
            // Ready, and the application itself answers (an unauthenticated /api/v1/me is its 401).
            if (probe(http, "api/v1/me", lastAnswers) == 401 && probe(http, "health/ready", lastAnswers) == 200) {
                return;
            }
            process.waitFor(1, TimeUnit.SECONDS);
        }
        throw new NotAnswering("The second node was not ready within " + timeout + "; see " + log(base.getPort())
                + ". The probes' last answers: " + lastAnswers + ". Where it stood:\n" + whereItStands());
    }

    /** The probe's status, or -1 when it got none; what it got is kept in {@code lastAnswers}. */
    private int probe(HttpClient http, String path, Map<String, String> lastAnswers) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.toURI().resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            String body = answer.body();
            lastAnswers.put(path, answer.statusCode() + " " + body.substring(0, Math.min(body.length(), 300)));
            return answer.statusCode();
        } catch (IOException | java.net.URISyntaxException e) {
            lastAnswers.put(path, e.toString());
            return -1;
        }
    }

    /**
     * What a failed boot needs to be understood from CI's output alone: the log's last lines, what
     * else listens on its port, and the stacks of the thread that deploys (Payara Micro boots and
     * deploys on "main") and of the request threads that are busy. The whole thread dump goes to
     * {@code target/second-node-PORT-threads.txt}.
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
            Files.writeString(Path.of("target", "second-node-" + base.getPort() + "-threads.txt"), dump);
            report.append("-- listeners on its port --\n").append(listenersOn(base.getPort()));
            report.append("-- its main thread and busy request threads --\n");
            for (String thread : dump.split("\n\n")) {
                boolean busyRequest = thread.startsWith("\"http-thread-pool") && thread.contains("org.moim");
                if (thread.startsWith("\"main\"") || busyRequest) {
                    report.append(thread).append("\n\n");
                }
            }
        } catch (IOException e) {
            report.append("(no thread dump: ").append(e).append(")\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return report.toString();
    }

    /** The listening sockets on this port, from /proc/net/tcp and tcp6 (another process may hold it too). */
    private static String listenersOn(int port) {
        StringBuilder found = new StringBuilder();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // local_address is field 1, st field 3; 0A is LISTEN
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
                        found.append(table).append(' ').append(fields[1]).append(" inode ").append(fields[9]).append('\n');
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                found.append("(").append(table).append(" unreadable: ").append(e).append(")\n");
            }
        }
        return found.isEmpty() ? "(none)\n" : found.toString();
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
