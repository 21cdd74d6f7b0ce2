package org.moim.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.OwnNode;

/**
 * Kills the application while mail jobs are queued and one is half done, starts it again, and
 * shows that every job then runs, each exactly once in effect: one mail per job arrives.
 *
 * <p>The Arquillian container cannot be killed in the middle of a test, so this test starts Payara
 * Micro itself, twice ({@link OwnNode}: as {@code ./moim} does, on free ports, with its own data
 * directory, H2 database, broker store and data grid). The first process sends
 * mail to an SMTP "server" that accepts connections and never answers, so an attempt hangs; the
 * test kills the process ({@code destroyForcibly}, SIGKILL: no shutdown hook runs) and starts the
 * second with GreenMail on the same port.
 *
 * <p>Runs in the H2 pass only (it always uses its own H2 database; a MariaDB pass proves nothing more).
 */
class JobsRestartIT {

    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int JOBS = 6;

    private final List<Process> processes = new ArrayList<>();
    private Path home;

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void queuedJobsRunAfterAKillEachExactlyOnce() throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getenv("MOIM_IT_DATABASE")), "runs in the H2 pass");
        home = Path.of(System.getProperty("moim.war", "target/moim.war")).toAbsolutePath().getParent()
                .resolve("it-restart").resolve(UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(home);
        int httpPort = OwnNode.freePort();
        int smtpPort = OwnNode.freePort();
        int gridPort = OwnNode.freePort();

        Map<String, String> jobs = new LinkedHashMap<>(); // job id -> the owner's email
        List<SignedIn> owners = new ArrayList<>();
        try (Silence silence = new Silence(smtpPort)) {
            Process first = start("first", httpPort, smtpPort, gridPort);
            URL base = new URL("http://127.0.0.1:" + httpPort + "/");
            for (int i = 0; i < JOBS; i++) {
                Api api = new Api(base);
                SignedIn owner = Accounts.signUp(api, "Restart");
                Reply accepted = api.post("/api/v1/me/test-mail", Json.createObjectBuilder().build(), owner.accessToken());
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                jobs.put(accepted.json().getString("jobId"), owner.email());
                owners.add(owner);
            }
            silence.awaitConnection(DEADLINE); // an attempt has started: its job is RUNNING, its message unacknowledged
            Map<String, String> before = statuses(base, owners, jobs);

            first.destroyForcibly();
            assertThat(first.waitFor()).as("killed").isNotZero();
            assertThat(before.values()).as("nothing finished before the kill: " + before).doesNotContain("SUCCEEDED", "DEAD");
            assertThat(before.values()).as("an attempt had started: " + before).anyMatch(status -> !status.equals("QUEUED"));
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            start("second", httpPort, smtpPort, gridPort);
            URL base = new URL("http://127.0.0.1:" + httpPort + "/");
            Map<String, JsonObject> after = awaitFinished(base, owners, jobs);

            assertThat(after.values()).extracting(j -> j.getString("status")).as(after.toString()).containsOnly("SUCCEEDED");
            assertThat(after.values()).extracting(j -> j.getInt("attempts")).as("the interrupted attempt counts too")
                    .anyMatch(attempts -> attempts >= 2);
            for (String email : jobs.values()) {
                assertThat(mailsTo(smtp, email)).as("mails to %s", email).isEqualTo(1);
            }
            assertThat(smtp.getReceivedMessages()).hasSize(JOBS);
        } finally {
            smtp.stop();
        }
    }

    /** Starts Payara Micro with the WAR as ./moim does ({@link OwnNode}), and waits until it is ready. */
    private Process start(String name, int httpPort, int smtpPort, int gridPort) throws Exception {
        OwnNode node = OwnNode.launch(home, name, httpPort, gridPort, env -> {
            env.put("MOIM_MAIL_PORT", String.valueOf(smtpPort));
            env.put("MOIM_RATE_LIMIT_TEST_MAIL_PER_ACCOUNT", "100");
        });
        processes.add(node.process());
        node.awaitReady(BOOT);
        return node.process();
    }

    private static Map<String, String> statuses(URL base, List<SignedIn> owners, Map<String, String> jobs) {
        Map<String, String> statuses = new LinkedHashMap<>();
        Api api = new Api(base);
        for (SignedIn owner : owners) {
            jobs.forEach((job, email) -> {
                if (email.equals(owner.email())) {
                    statuses.put(job, api.get("/api/v1/jobs/" + job, owner.accessToken()).json().getString("status"));
                }
            });
        }
        return statuses;
    }

    /** Every job, once none is QUEUED, RUNNING or FAILED any more. */
    private static Map<String, JsonObject> awaitFinished(URL base, List<SignedIn> owners, Map<String, String> jobs) throws InterruptedException {
        Api api = new Api(base);
        Instant deadline = Instant.now().plus(DEADLINE);
        Map<String, JsonObject> seen = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            seen.clear();
            for (SignedIn owner : owners) {
                jobs.forEach((job, email) -> {
                    if (email.equals(owner.email())) {
                        Reply reply = api.get("/api/v1/jobs/" + job, owner.accessToken());
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                        seen.put(job, reply.json());
                    }
                });
            }
            if (seen.values().stream().allMatch(j -> List.of("SUCCEEDED", "DEAD").contains(j.getString("status")))) {
                return Map.copyOf(seen);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Jobs not finished after " + DEADLINE + ": " + seen);
    }

    private static long mailsTo(GreenMail smtp, String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(email.toLowerCase())).count();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(RecipientType.TO)).map(a -> a.toString().toLowerCase()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An SMTP port that accepts connections and never says a word: the mail client waits for the
     * greeting (up to its 10 s timeout), so the attempt is under way when the process is killed.
     */
    private static final class Silence implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Silence(int port) throws IOException {
            server = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        accepted.add(server.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        void awaitConnection(Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (accepted.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No SMTP connection within " + timeout);
                }
                Thread.sleep(50);
            }
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : accepted) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
