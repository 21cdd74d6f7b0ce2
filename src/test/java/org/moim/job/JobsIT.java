package org.moim.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;

/**
 * Jobs, the alerts queue and mail, end to end: the server sends to a GreenMail SMTP server this
 * class starts on {@code MOIM_MAIL_PORT} (failsafe points the server at it).
 */
@ExtendWith(ArquillianExtension.class)
class JobsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim().addClass(TransactionProbe.class);
    }

    @ArquillianResource
    URL base;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("MOIM_MAIL_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theTestMailArrivesOnceAndItsJobSucceeds() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Mail");

        Reply accepted = api.post("/api/v1/me/test-mail", Json.createObjectBuilder().build(), me.accessToken());

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.json().getString("jobId");
        assertThat(accepted.json().getString("status")).isEqualTo("QUEUED");
        assertThat(accepted.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/jobs/" + jobId));
        JsonObject job = awaitJob(api, me, jobId, "SUCCEEDED", "DEAD");
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getString("type")).isEqualTo("test-mail");
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.containsKey("lastError") && !job.isNull("lastError")).isFalse();

        List<MimeMessage> mine = mailsTo(me.email());
        assertThat(mine).hasSize(1);
        MimeMessage mail = mine.get(0);
        assertThat(mail.getSubject()).isEqualTo("Moim test mail");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("Moim에서 보낸 테스트 메일입니다.");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@localhost");
    }

    @Test
    void aRedeliveredAlertOfASucceededJobSendsNothing() {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Again");
        String jobId = api.post("/api/v1/me/test-mail", Json.createObjectBuilder().build(), me.accessToken()).json().getString("jobId");
        JsonObject done = awaitJob(api, me, jobId, "SUCCEEDED", "DEAD");

        Reply replayed = api.post("/api/v1/test-probe/jobs/redeliver?jobId=" + jobId, Json.createObjectBuilder().build(), me.accessToken());

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(204);
        assertThat(mailsTo(me.email())).hasSize(1);
        assertThat(api.get("/api/v1/jobs/" + jobId, me.accessToken()).json()).isEqualTo(done);
    }

    @Test
    void someoneElsesJobIsNotFound() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Owner");
        SignedIn other = Accounts.signUp(api, "Other");
        String jobId = api.post("/api/v1/me/test-mail", Json.createObjectBuilder().build(), owner.accessToken()).json().getString("jobId");

        Reply theirs = api.get("/api/v1/jobs/" + jobId, other.accessToken());
        Reply unknown = api.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000", owner.accessToken());
        Reply anonymous = api.get("/api/v1/jobs/" + jobId, null);

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.problemType()).isEqualTo("/problems/not-found");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(theirs.json().getString("detail")).isEqualTo(unknown.json().getString("detail"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/jobs/" + jobId, owner.accessToken()).status()).isEqualTo(200);
        awaitJob(api, owner, jobId, "SUCCEEDED", "DEAD"); // no mail left in flight when this test's SMTP server stops
    }

    @Test
    void whenSmtpIsDownTheAlertIsRetriedAndEndsDead() {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Down");
        smtp.stop();

        String jobId = api.post("/api/v1/me/test-mail", Json.createObjectBuilder().build(), me.accessToken()).json().getString("jobId");
        JsonObject job = awaitJob(api, me, jobId, "DEAD", "SUCCEEDED");

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("DEAD");
        assertThat(job.getInt("attempts")).as("one delivery and three redeliveries").isEqualTo(4);
        assertThat(job.getString("lastError")).contains("mail server").doesNotContain("\n", "at org.", "127.0.0.1");
    }

    @Test
    void aRolledBackTransactionLeavesNeitherJobNorMessage() {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Rollback");

        JsonObject rolledBack = api.post("/api/v1/test-probe/jobs?rollback=true", Json.createObjectBuilder().build(), me.accessToken()).json();
        JsonObject committed = api.post("/api/v1/test-probe/jobs?rollback=false", Json.createObjectBuilder().build(), me.accessToken()).json();

        assertThat(api.get("/api/v1/jobs/" + rolledBack.getString("jobId"), me.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/test-probe/jobs?key=" + rolledBack.getString("idempotencyKey"), me.accessToken()).status())
                .as("a message sent in a rolled-back transaction").isEqualTo(204);

        assertThat(api.get("/api/v1/jobs/" + committed.getString("jobId"), me.accessToken()).json().getString("status")).isEqualTo("QUEUED");
        Reply received = api.get("/api/v1/test-probe/jobs?key=" + committed.getString("idempotencyKey"), me.accessToken());
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().getBoolean("persistent")).isTrue();
        JsonObject envelope = Json.createReader(new StringReader(received.json().getString("body"))).readObject();
        assertThat(envelope.getString("type")).isEqualTo("probe");
        assertThat(envelope.getInt("version")).isEqualTo(1);
        assertThat(envelope.getString("idempotencyKey")).isEqualTo(committed.getString("idempotencyKey"));
        assertThat(envelope.getJsonObject("payload").getBoolean("probe")).isTrue();
    }

    /** Polls the job until its status is one of {@code statuses}; fails after a generous deadline. */
    private static JsonObject awaitJob(Api api, SignedIn owner, String jobId, String... statuses) {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject job;
        do {
            Reply reply = api.get("/api/v1/jobs/" + jobId, owner.accessToken());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            job = reply.json();
            if (Set.of(statuses).contains(job.getString("status"))) {
                return job;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Job still " + job + " after " + DEADLINE);
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
