package org.moim.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        return Deployments.moim();
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

        JsonObject notice = jobNotice(api, me, jobId);
        assertThat(notice.getString("title")).isEqualTo("Your test mail was sent");
        assertThat(notice.isNull("actorId")).isTrue();
        assertThat(notice.isNull("excerpt")).isTrue();
    }

    @Test
    void aDeadJobTellsItsOwnerInTheInboxAndByMailOnce() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Dead");
        SignedIn other = Accounts.signUp(api, "Bystander");

        String jobId = api.post("/api/v1/test-probe/jobs?rollback=false&alerts=true", Json.createObjectBuilder().build(), me.accessToken())
                .json().getString("jobId");
        JsonObject job = awaitJob(api, me, jobId, "DEAD", "SUCCEEDED");

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("DEAD");
        JsonObject notice = jobNotice(api, me, jobId);
        assertThat(notice.getString("title")).isEqualTo("Background job “probe” failed");
        assertThat(notice.getString("excerpt")).isEqualTo(job.getString("lastError"));
        List<MimeMessage> mails = awaitMailsTo(me.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Moim: a background job failed");
        assertThat((String) mails.get(0).getContent()).contains(jobId).contains("probe").contains(job.getString("lastError"))
                .contains("작업");
        assertThat(mailsTo(other.email())).isEmpty();
        assertThat(api.get("/api/v1/me/notifications", other.accessToken()).json().getJsonArray("items")).isEmpty();
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
        assertThat(job.getInt("attempts")).as("the first attempt and the four of MOIM_MAIL_RETRY_DELAYS").isEqualTo(5);
        assertThat(job.containsKey("nextAttemptAt")).as("no next attempt: %s", job).isFalse();
        assertThat(job.getString("lastError")).contains("mail server").doesNotContain("\n", "at org.", "127.0.0.1");
        JsonObject notice = jobNotice(api, me, jobId);
        assertThat(notice.getString("title")).isEqualTo("Your test mail could not be sent");
        assertThat(notice.getString("excerpt")).isEqualTo(job.getString("lastError"));
    }

    @Test
    void mailOutlivesAnSmtpOutageLongerThanTheBrokersRedeliveriesAndArrivesOnce() {
        Api api = new Api(base);
        List<SignedIn> people = List.of(Accounts.signUp(api, "Outage"), Accounts.signUp(api, "Outage"), Accounts.signUp(api, "Outage"));
        smtp.stop();

        List<String> jobIds = people.stream()
                .map(p -> api.post("/api/v1/me/test-mail", Json.createObjectBuilder().build(), p.accessToken()).json().getString("jobId"))
                .toList();
        // Four attempts failed: the server has been down for 2 + 4 + 8 = 14 s, longer than the broker's 11 s.
        for (int i = 0; i < people.size(); i++) {
            JsonObject waiting = awaitJob(api, people.get(i), jobIds.get(i), j -> j.getInt("attempts") >= 4 && j.getString("status").equals("FAILED"));
            assertThat(waiting.getString("lastError")).contains("mail server");
            assertThat(Instant.parse(waiting.getString("nextAttemptAt"))).isAfter(Instant.parse(waiting.getString("updatedAt")));
        }
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("MOIM_MAIL_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        for (int i = 0; i < people.size(); i++) {
            JsonObject job = awaitJob(api, people.get(i), jobIds.get(i), "SUCCEEDED", "DEAD");
            assertThat(job.getString("status")).as(job.toString()).isEqualTo("SUCCEEDED");
            assertThat(job.getInt("attempts")).as("five, one more if an attempt was lost and sent again").isBetween(5, 6);
            assertThat(job.containsKey("nextAttemptAt")).as("no next attempt: %s", job).isFalse();
        }
        for (SignedIn person : people) {
            assertThat(awaitMailsTo(person.email())).as("exactly one mail to " + person.email()).hasSize(1);
            assertThat(jobNotice(api, person, jobIds.get(people.indexOf(person))).getString("title")).isEqualTo("Your test mail was sent");
        }
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

    // ------------------------------------------------------------------ voice messages (real ffmpeg)

    /** A one-second 440 Hz tone recorded as WebM/Opus, the way browsers record, made by ffmpeg itself. */
    private static byte[] webmRecording() throws Exception {
        Path dir = Files.createTempDirectory("moim-voice-it");
        Path webm = dir.resolve("tone.webm");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "libopus", "-b:a", "32k", "-f", "webm", webm.toString())
                .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffmpeg.waitFor()).as("ffmpeg made the recording: " + output).isZero();
        byte[] bytes = Files.readAllBytes(webm);
        Files.delete(webm);
        Files.delete(dir);
        return bytes;
    }

    /** What ffprobe says about the audio: codec name and duration in seconds. */
    private static Map<String, String> probe(byte[] audio) throws Exception {
        Path file = Files.createTempFile("moim-voice-it", ".m4a");
        Files.write(file, audio);
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a:0",
                "-show_entries", "stream=codec_name,duration:format=format_name", "-of", "default=noprint_wrappers=1", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffprobe.waitFor()).as(output).isZero();
        Files.delete(file);
        return output.lines().filter(l -> l.contains("=")).collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
                l -> l.substring(l.indexOf('=') + 1), (a, b) -> a));
    }

    private String workspace(Api api, SignedIn owner) {
        Reply created = api.post("/api/v1/workspaces", Json.createObjectBuilder().add("name", "Voices").build(), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static JsonObject upload(Api api, SignedIn who, String workspace, String name, String type, byte[] content) {
        Reply uploaded = api.request("POST", "/api/v1/workspaces/" + workspace + "/files?name=" + name).bearer(who.accessToken())
                .body(type, content).send();
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json();
    }

    private HttpResponse<byte[]> download(String path, SignedIn who, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path.substring(1)))
                .header("Authorization", "Bearer " + who.accessToken());
        if (range != null) {
            request.header("Range", range);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aVoiceRecordingIsConvertedToAacInMp4ByRealFfmpegAndTheOriginalIsKept() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Voice");
        String workspace = workspace(api, me);
        byte[] recording = webmRecording();
        JsonObject file = upload(api, me, workspace, "voice.webm", "audio/webm", recording);
        assertThat(file.getString("conversion")).isEqualTo("none");
        String fileId = file.getString("id");

        Reply asked = api.post("/api/v1/files/" + fileId + "/conversion", Json.createObjectBuilder().build(), me.accessToken());

        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.json().getString("conversion")).isEqualTo("pending");
        String jobId = asked.json().getString("conversionJobId");
        assertThat(asked.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/jobs/" + jobId));
        JsonObject job = awaitJob(api, me, jobId, "SUCCEEDED", "DEAD");
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getString("type")).isEqualTo("voice");
        JsonObject converted = api.get("/api/v1/files/" + fileId, me.accessToken()).json();
        assertThat(converted.getString("conversion")).isEqualTo("ready");
        assertThat(converted.getString("playbackUrl")).isEqualTo("/api/v1/files/" + fileId + "/playback");

        HttpResponse<byte[]> playback = download(converted.getString("playbackUrl"), me, null);
        assertThat(playback.statusCode()).isEqualTo(200);
        assertThat(playback.headers().firstValue("Content-Type")).hasValue("audio/mp4");
        assertThat(new String(playback.body(), 4, 4, StandardCharsets.US_ASCII)).as("an MP4 file starts with its ftyp box").isEqualTo("ftyp");
        Map<String, String> audio = probe(playback.body());
        assertThat(audio.get("codec_name")).as(audio.toString()).isEqualTo("aac");
        assertThat(Double.parseDouble(audio.get("duration"))).isBetween(0.9, 1.2);
        assertThat(audio.get("format_name")).contains("mp4");
        HttpResponse<byte[]> start = download(converted.getString("playbackUrl"), me, "bytes=0-7");
        assertThat(start.statusCode()).isEqualTo(206);
        assertThat(start.body()).containsExactly(Arrays.copyOf(playback.body(), 8));
        assertThat(download("/api/v1/files/" + fileId + "/content", me, null).body()).as("the original, untouched").isEqualTo(recording);
        assertThat(jobNotice(api, me, jobId).getString("title")).isEqualTo("Your voice message is ready to play");

        Reply again = api.post("/api/v1/files/" + fileId + "/conversion", Json.createObjectBuilder().build(), me.accessToken());
        assertThat(again.status()).as("converted already: nothing queued").isEqualTo(200);
        assertThat(again.json().getString("conversionJobId")).isEqualTo(jobId);
        String copy = upload(api, me, workspace, "same-voice.webm", "audio/webm", recording).getString("id");
        Reply sameRecording = api.post("/api/v1/files/" + copy + "/conversion", Json.createObjectBuilder().build(), me.accessToken());
        assertThat(sameRecording.status()).as("the same recording is converted once").isEqualTo(200);
        assertThat(sameRecording.json().getString("conversion")).isEqualTo("ready");
    }

    @Test
    void aRecordingFfmpegCannotReadFailsVisiblyAndCanBeAskedForAgain() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Broken Voice");
        String workspace = workspace(api, me);
        // A WebM header (so it is sniffed as WebM) and then text: ffmpeg's Matroska reader gives up.
        byte[] broken = concat(HexFormat.of().parseHex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d"),
                "not really a recording, only text".getBytes(StandardCharsets.US_ASCII));
        String fileId = upload(api, me, workspace, "broken.webm", "audio/webm", broken).getString("id");

        String jobId = api.post("/api/v1/files/" + fileId + "/conversion", Json.createObjectBuilder().build(), me.accessToken())
                .json().getString("conversionJobId");
        JsonObject job = awaitJob(api, me, jobId, "DEAD", "SUCCEEDED");

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("DEAD");
        assertThat(job.getInt("attempts")).isEqualTo(4);
        assertThat(job.getString("lastError")).contains("ffmpeg could not convert the recording").doesNotContain("/tmp", "moim-voice-");
        assertThat(api.get("/api/v1/files/" + fileId, me.accessToken()).json().getString("conversion")).isEqualTo("failed");
        assertThat(jobNotice(api, me, jobId).getString("title")).isEqualTo("Your voice message could not be converted");
        List<MimeMessage> mails = awaitMailsTo(me.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Moim: a background job failed");
        assertThat((String) mails.get(0).getContent()).contains(jobId).contains("voice");
        assertThat(download("/api/v1/files/" + fileId + "/playback", me, null).statusCode()).isEqualTo(404);

        Reply retried = api.post("/api/v1/files/" + fileId + "/conversion", Json.createObjectBuilder().build(), me.accessToken());

        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.json().getString("conversion")).isEqualTo("pending");
        String second = retried.json().getString("conversionJobId");
        assertThat(second).isNotEqualTo(jobId);
        assertThat(awaitJob(api, me, second, "DEAD", "SUCCEEDED").getString("status")).isEqualTo("DEAD");
        assertThat(api.get("/api/v1/files/" + fileId, me.accessToken()).json().getString("conversion")).isEqualTo("failed");
    }

    @Test
    void onlyRecordingsAreConvertedAndOnlyByWhoMayChangeTheFile() throws Exception {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Voice Owner");
        SignedIn member = Accounts.signUp(new Api(base), "Voice Member");
        SignedIn outsider = Accounts.signUp(new Api(base), "Voice Outsider");
        String workspace = workspace(api, owner);
        String invitation = api.post("/api/v1/workspaces/" + workspace + "/invitations",
                Json.createObjectBuilder().add("email", member.email()).add("role", "MEMBER").build(), owner.accessToken()).json().getString("id");
        assertThat(api.post("/api/v1/me/invitations/" + invitation + "/accept", Json.createObjectBuilder().build(), member.accessToken()).status())
                .isEqualTo(200);
        String text = upload(api, owner, workspace, "notes.txt", "text/plain", "just notes".getBytes(StandardCharsets.UTF_8)).getString("id");
        String voice = upload(api, owner, workspace, "voice.webm", "audio/webm", webmRecording()).getString("id");

        Reply notRecording = api.post("/api/v1/files/" + text + "/conversion", Json.createObjectBuilder().build(), owner.accessToken());
        Reply byMember = api.post("/api/v1/files/" + voice + "/conversion", Json.createObjectBuilder().build(), member.accessToken());
        Reply byOutsider = api.post("/api/v1/files/" + voice + "/conversion", Json.createObjectBuilder().build(), outsider.accessToken());

        assertThat(notRecording.status()).as(notRecording.toString()).isEqualTo(415);
        assertThat(notRecording.problemType()).isEqualTo("/problems/not-a-recording");
        assertThat(byMember.status()).as(byMember.toString()).isEqualTo(403);
        assertThat(byOutsider.status()).as(byOutsider.toString()).isEqualTo(404);
        assertThat(api.get("/api/v1/files/" + voice, owner.accessToken()).json().getString("conversion")).isEqualTo("none");
        assertThat(download("/api/v1/files/" + voice + "/playback", owner, null).statusCode()).isEqualTo(404);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Polls the job until its status is one of {@code statuses}; fails after a generous deadline. */
    private static JsonObject awaitJob(Api api, SignedIn owner, String jobId, String... statuses) {
        return awaitJob(api, owner, jobId, j -> Set.of(statuses).contains(j.getString("status")));
    }

    /** Polls the job until it is as {@code wanted}; fails after a generous deadline. */
    private static JsonObject awaitJob(Api api, SignedIn owner, String jobId, java.util.function.Predicate<JsonObject> wanted) {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject job;
        do {
            Reply reply = api.get("/api/v1/jobs/" + jobId, owner.accessToken());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            job = reply.json();
            if (wanted.test(job)) {
                return job;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Job still " + job + " after " + DEADLINE);
    }

    /** The one job.finished notification about this job in the owner's inbox. */
    private static JsonObject jobNotice(Api api, SignedIn owner, String jobId) {
        Reply inbox = api.get("/api/v1/me/notifications", owner.accessToken());
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        List<JsonObject> notices = inbox.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("kind").equals("job.finished") && n.getString("subjectId").equals(jobId)).toList();
        assertThat(notices).as(inbox.toString()).hasSize(1);
        assertThat(notices.get(0).getString("subjectType")).isEqualTo("job");
        return notices.get(0);
    }

    /** The mails to this address once there is at least one; fails after a generous deadline. */
    private List<MimeMessage> awaitMailsTo(String email) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(email);
            if (!mails.isEmpty()) {
                pause(); // a second mail, if one were coming, has had its chance too
                return mailsTo(email);
            }
            pause();
        }
        throw new AssertionError("No mail to " + email + " after " + DEADLINE);
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
