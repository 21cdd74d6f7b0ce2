package org.moim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Password reset by mail, end to end: the request, the mail GreenMail receives (with its link), the
 * link's page checks, the new password, and what ends with the old one.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordResetIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("#/reset-password\\?token=([0-9a-f]{32}\\.[A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "a brand new secret 42";

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
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Forgetful");
        String nobody = Api.newEmail("nobody");

        Reply known = api.post("/api/v1/auth/password-reset", Api.json("email", me.email()));
        Reply unknown = api.post("/api/v1/auth/password-reset", Api.json("email", nobody));

        assertThat(known.status()).as(known.toString()).isEqualTo(202);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body()).isEmpty();
        MimeMessage mail = awaitOneMailTo(me.email());
        assertThat(mail.getSubject()).isEqualTo("Reset your Moim password");
        assertThat(mailsTo(nobody)).isEmpty();
        System.out.println("Timings (ms) of 5 requests each, known vs unknown address: " + timings(api, me.email(), nobody));
    }

    @Test
    void theLinkSetsANewPasswordEndsEverySessionAndWorksOnce() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Reset");
        SignedIn otherDevice = Accounts.signIn(api, me.email(), Accounts.PASSWORD, me.id());
        api.post("/api/v1/auth/password-reset", Api.json("email", me.email().toUpperCase()));
        String token = tokenIn(awaitOneMailTo(me.email()));

        assertThat(api.post("/api/v1/auth/password-reset/check", Api.json("token", token)).status()).isEqualTo(204);
        Reply weak = api.post("/api/v1/auth/password-reset/confirm", Api.json("token", token, "newPassword", "short"));
        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(weak.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("newPassword");
        Reply done = api.post("/api/v1/auth/password-reset/confirm", Api.json("token", token, "newPassword", NEW_PASSWORD));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);

        for (SignedIn session : List.of(me, otherDevice)) {
            Reply refreshed = api.post("/api/v1/auth/refresh", Api.json("refreshToken", session.refreshToken()));
            assertThat(refreshed.status()).as("old refresh tokens are refused: %s", refreshed).isEqualTo(401);
            assertThat(api.get("/api/v1/me", session.accessToken()).status()).as("old access tokens too").isEqualTo(401);
        }
        assertThat(api.post("/api/v1/auth/login", Api.json("email", me.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Api.json("email", me.email(), "password", NEW_PASSWORD)).status()).isEqualTo(200);

        Reply again = api.post("/api/v1/auth/password-reset/confirm", Api.json("token", token, "newPassword", "yet another secret 43"));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.problemType()).isEqualTo("/problems/reset-link-used");
        assertThat(api.post("/api/v1/auth/password-reset/check", Api.json("token", token)).problemType()).isEqualTo("/problems/reset-link-used");

        List<MimeMessage> mails = awaitMails(me.email(), 2);
        assertThat(mails.get(1).getSubject()).isEqualTo("Your Moim password was changed");
        assertThat((String) mails.get(1).getContent()).contains("every device was signed out").doesNotContain(token);
    }

    @Test
    void expiredForgedAndTruncatedLinksEachHaveTheirOwnProblem() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Links");
        api.post("/api/v1/auth/password-reset", Api.json("email", me.email()));
        String token = tokenIn(awaitOneMailTo(me.email()));
        String forgedSecret = token.substring(0, 33) + (token.charAt(33) == 'A' ? 'B' : 'A') + token.substring(34);

        assertProblem(api, token.substring(0, 50), 400, "/problems/reset-link-incomplete");
        assertProblem(api, token.substring(0, 20), 400, "/problems/reset-link-incomplete");
        assertProblem(api, forgedSecret, 400, "/problems/reset-link-invalid");
        assertProblem(api, "0123456789abcdef0123456789abcdef." + "x".repeat(43), 400, "/problems/reset-link-invalid");
        assertProblem(api, "<script>alert(1)</script>", 400, "/problems/reset-link-invalid");

        assertThat(api.post("/api/v1/test-probe/password-resets/expire?accountId=" + me.id(), Api.json()).status()).isEqualTo(204);
        assertProblem(api, token, 410, "/problems/reset-link-expired");
        Reply expired = api.post("/api/v1/auth/password-reset/confirm", Api.json("token", token, "newPassword", NEW_PASSWORD));
        assertThat(expired.problemType()).isEqualTo("/problems/reset-link-expired");
        assertThat(api.post("/api/v1/auth/login", Api.json("email", me.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void aFloodOfRequestsIsLimitedWithoutLockingTheOwnerOut() throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Flood");

        for (int i = 0; i < 6; i++) {
            Reply reply = api.post("/api/v1/auth/password-reset", Api.json("email", me.email()));
            assertThat(reply.status()).as("the same answer every time: %s", reply).isEqualTo(202);
        }

        assertThat(awaitMails(me.email(), 3)).as("three per account per window (moim.rate-limit.password-reset.per-account)").hasSize(3);
        assertThat(api.post("/api/v1/auth/login", Api.json("email", me.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(200);
        Reply noBody = api.post("/api/v1/auth/password-reset", Api.json("mail", me.email()));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(Api api, String token, int status, String type) {
        Reply checked = api.post("/api/v1/auth/password-reset/check", Api.json("token", token));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(status);
        assertThat(checked.problemType()).isEqualTo(type);
        assertThat(checked.contentType()).startsWith("application/problem+json");
        assertThat(checked.body()).doesNotContain("@example.com");
    }

    /** The token of the reset link in the mail's plain-text part; the HTML part has it as a button and as text, escaped. */
    private static String tokenIn(MimeMessage mail) throws Exception {
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a reset link in %s", text).isTrue();
        assertThat((String) parts.getBodyPart(1).getContent()).contains("href=\"").contains(link.group(1));
        return link.group(1);
    }

    /** Each of 5 fresh accounts (a reset row and a mail job each) against 5 unknown addresses: alike, so time reveals no account. */
    private static String timings(Api api, String known, String unknown) {
        long[] a = new long[5];
        long[] b = new long[5];
        for (int i = 0; i < 5; i++) {
            a[i] = time(api, Accounts.signUp(api, "Timed").email());
            b[i] = time(api, Api.newEmail("nobody"));
        }
        return "known " + Arrays.toString(a) + ", unknown " + Arrays.toString(b);
    }

    private static long time(Api api, String email) {
        long start = System.nanoTime();
        assertThat(api.post("/api/v1/auth/password-reset", Api.json("email", email)).status()).isEqualTo(202);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private MimeMessage awaitOneMailTo(String email) {
        return awaitMails(email, 1).get(0);
    }

    private List<MimeMessage> awaitMails(String email, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(email);
            if (mails.size() >= count) {
                return mails;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Fewer than " + count + " mails to " + email + " after " + DEADLINE + ": " + mailsTo(email).size());
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
}
