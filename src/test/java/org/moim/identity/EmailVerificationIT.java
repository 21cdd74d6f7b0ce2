package org.moim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
 * Verified addresses and invitation mail, end to end through GreenMail: the link mailed at sign-up,
 * what an unverified account cannot do, every bad link, the limits, a change of address, and the
 * mail an invitation sends (to an address with an account and to one without). Addresses here are
 * at {@value #DOMAIN}, which the test environment does not take as verified (pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class EmailVerificationIT {

    static final String DOMAIN = "verify.example.org";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern VERIFY = Pattern.compile("#/verify-email\\?token=([0-9a-f]{32}\\.[A-Za-z0-9_-]{43})");

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

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 12) + "@" + DOMAIN;
    }

    private static SignedIn signUp(Api api, String name, String email, String locale) {
        Reply registered = api.post("/api/v1/auth/register", Api.json("email", email, "password", Accounts.PASSWORD,
                "displayName", name, "locale", locale));
        assertThat(registered.status()).as("register %s", registered).isEqualTo(201);
        assertThat(registered.json().getBoolean("emailVerified")).isFalse();
        return Accounts.signIn(api, email, Accounts.PASSWORD, registered.json().getString("id"));
    }

    @Test
    void anUnverifiedAccountSignsInButNeitherSeesNorAcceptsItsInvitationsUntilItOpensTheLink() throws Exception {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Owner");
        String workspace = api.post("/api/v1/workspaces", Api.json("name", "Verified team"), owner.accessToken()).json().getString("id");
        SignedIn me = signUp(api, "Newcomer", address("newcomer"), "en");

        Reply invited = api.post("/api/v1/workspaces/" + workspace + "/invitations", Api.json("email", me.email(), "role", "MEMBER"), owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String invitation = invited.json().getString("id");

        assertThat(api.get("/api/v1/me", me.accessToken()).json().getBoolean("emailVerified")).isFalse();
        assertThat(api.get("/api/v1/me/invitations", me.accessToken()).items()).as("not found by the address").isEmpty();
        Reply refused = api.post("/api/v1/me/invitations/" + invitation + "/accept", Api.json(), me.accessToken());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("/problems/email-unverified");
        assertThat(inbox(api, me)).as("no in-app notice for an unverified address").isEmpty();

        MimeMessage mail = awaitMail(me.email(), "Confirm your email address for Moim");
        String token = tokenIn(mail);
        assertThat(api.post("/api/v1/auth/email-verification/check", Api.json("token", token)).status()).isEqualTo(204);
        Reply confirmed = api.post("/api/v1/auth/email-verification/confirm", Api.json("token", token));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", me.accessToken()).json().getBoolean("emailVerified")).isTrue();
        assertThat(api.get("/api/v1/me/invitations", me.accessToken()).items()).hasSize(1);
        Reply accepted = api.post("/api/v1/me/invitations/" + invitation + "/accept", Api.json(), me.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        Reply again = api.post("/api/v1/auth/email-verification/confirm", Api.json("token", token));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.problemType()).isEqualTo("/problems/verify-link-used");
        Reply resend = api.post("/api/v1/me/email/verification", Api.json(), me.accessToken());
        assertThat(resend.problemType()).isEqualTo("/problems/email-verified-already");
    }

    @Test
    void expiredReusedForgedAndTruncatedLinksEachHaveTheirOwnProblem() throws Exception {
        Api api = new Api(base);
        SignedIn me = signUp(api, "Links", address("links"), "en");
        String token = tokenIn(awaitMail(me.email(), "Confirm your email address for Moim"));
        String forged = token.substring(0, 33) + (token.charAt(33) == 'A' ? 'B' : 'A') + token.substring(34);

        assertProblem(api, token.substring(0, 50), 400, "/problems/verify-link-incomplete");
        assertProblem(api, token.substring(0, 20), 400, "/problems/verify-link-incomplete");
        assertProblem(api, forged, 400, "/problems/verify-link-invalid");
        assertProblem(api, "0123456789abcdef0123456789abcdef." + "x".repeat(43), 400, "/problems/verify-link-invalid");
        assertProblem(api, "<script>alert(1)</script>", 400, "/problems/verify-link-invalid");

        assertThat(api.post("/api/v1/test-probe/email-verifications/expire?accountId=" + me.id(), Api.json()).status()).isEqualTo(204);
        assertProblem(api, token, 410, "/problems/verify-link-expired");
        Reply expired = api.post("/api/v1/auth/email-verification/confirm", Api.json("token", token));
        assertThat(expired.problemType()).isEqualTo("/problems/verify-link-expired");
        assertThat(api.get("/api/v1/me", me.accessToken()).json().getBoolean("emailVerified")).isFalse();

        // A new link works, and then the expired one counts as used. (The newest mail: a mail sent
        // again by a retry carries a new secret, and only the newest one of a link works.)
        int before = mailsTo(me.email()).size();
        assertThat(api.post("/api/v1/me/email/verification", Api.json(), me.accessToken()).status()).isEqualTo(202);
        List<MimeMessage> all = awaitMails(me.email(), before + 1);
        String fresh = tokenIn(all.get(all.size() - 1));
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Api.json("token", fresh)).status()).isEqualTo(204);
        assertProblem(api, fresh, 410, "/problems/verify-link-used");
    }

    @Test
    void aFloodOfLinksIsLimitedWithoutLockingTheOwnerOut() throws Exception {
        Api api = new Api(base);
        SignedIn me = signUp(api, "Flood", address("flood"), "en");
        int accepted = 0;
        Reply last = null;
        for (int i = 0; i < 8; i++) {
            last = api.post("/api/v1/me/email/verification", Api.json(), me.accessToken());
            if (last.status() == 202) {
                accepted++;
            }
        }
        assertThat(accepted).as("five links per account per window, the sign-up's included").isEqualTo(4);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.problemType()).isEqualTo("/problems/rate-limited");
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(api.post("/api/v1/auth/login", Api.json("email", me.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(200);
        assertThat(awaitMails(me.email(), 5)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aNewAddressTakesEffectOnlyWhenItsLinkIsOpened() throws Exception {
        Api api = new Api(base);
        SignedIn me = signUp(api, "Mover", address("mover"), "en");
        String first = tokenIn(awaitMail(me.email(), "Confirm your email address for Moim"));
        api.post("/api/v1/auth/email-verification/confirm", Api.json("token", first));
        String next = address("moved");
        SignedIn other = Accounts.signUp(api, "Other");

        Reply wrong = api.post("/api/v1/me/email", Api.json("email", next, "currentPassword", "not my password"), me.accessToken());
        assertThat(wrong.problemType()).isEqualTo("/problems/wrong-password");
        Reply taken = api.post("/api/v1/me/email", Api.json("email", other.email(), "currentPassword", Accounts.PASSWORD), me.accessToken());
        assertThat(taken.problemType()).isEqualTo("/problems/email-taken");
        Reply same = api.post("/api/v1/me/email", Api.json("email", me.email(), "currentPassword", Accounts.PASSWORD), me.accessToken());
        assertThat(same.status()).isEqualTo(400);
        Reply asked = api.post("/api/v1/me/email", Api.json("email", next.toUpperCase(), "currentPassword", Accounts.PASSWORD), me.accessToken());
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);

        String token = tokenIn(awaitMail(next, "Confirm your email address for Moim"));
        JsonObject before = api.get("/api/v1/me", me.accessToken()).json();
        assertThat(before.getString("email")).as("not before the link is opened").isEqualTo(me.email());
        assertThat(api.post("/api/v1/auth/login", Api.json("email", next, "password", Accounts.PASSWORD)).status()).isEqualTo(401);

        assertThat(api.post("/api/v1/auth/email-verification/confirm", Api.json("token", token)).status()).isEqualTo(204);
        JsonObject after = api.get("/api/v1/me", me.accessToken()).json();
        assertThat(after.getString("email")).isEqualTo(next);
        assertThat(after.getBoolean("emailVerified")).isTrue();
        assertThat(api.post("/api/v1/auth/login", Api.json("email", next, "password", Accounts.PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", Api.json("email", me.email(), "password", Accounts.PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void anInvitationMailsTheInviteeInTheirLanguageWithTextAndEscapedHtml() throws Exception {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Ann <b>Lee</b>");
        String workspace = api.post("/api/v1/workspaces", Api.json("name", "Design <script>x</script> & co"), owner.accessToken())
                .json().getString("id");
        String stranger = address("stranger");
        SignedIn korean = signUp(api, "지우", address("jiwoo"), "ko");

        assertThat(api.post("/api/v1/workspaces/" + workspace + "/invitations", Api.json("email", stranger, "role", "GUEST"),
                owner.accessToken()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/workspaces/" + workspace + "/invitations", Api.json("email", korean.email(), "role", "MEMBER"),
                owner.accessToken()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/workspaces/" + workspace + "/invitations", Api.json("email", stranger, "role", "GUEST"),
                owner.accessToken()).status()).as("already invited: no second mail").isEqualTo(200);

        MimeMessage english = awaitMail(stranger, "Ann <b>Lee</b> invited you to Design <script>x</script> & co on Moim");
        assertThat(english.getHeader("List-Unsubscribe")).as("an account mail, not a notification").isNull();
        MimeMultipart parts = (MimeMultipart) english.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text).contains("Ann <b>Lee</b> invited you").contains("“Design <script>x</script> & co”").contains("as Guest")
                .contains("#/invitations?email=" + stranger.replace("@", "%40") + "&account=0").contains("create your account");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>Lee")
                .contains("Ann &lt;b&gt;Lee&lt;/b&gt;").contains("Design &lt;script&gt;x&lt;/script&gt; &amp; co");

        MimeMessage hangul = awaitMail(korean.email(), "Ann <b>Lee</b>님이 Moim의 Design <script>x</script> & co에 초대했습니다");
        String koText = (String) ((MimeMultipart) hangul.getContent()).getBodyPart(0).getContent();
        assertThat(koText).contains("멤버(으)로 초대했습니다").contains("&account=1").contains("로그인하세요.");
        assertThat(mailsTo(stranger)).hasSize(1);
    }

    private static List<JsonObject> inbox(Api api, SignedIn who) {
        return api.get("/api/v1/me/notifications", who.accessToken()).json().getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
    }

    private static void assertProblem(Api api, String token, int status, String type) {
        Reply checked = api.post("/api/v1/auth/email-verification/check", Api.json("token", token));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(status);
        assertThat(checked.problemType()).isEqualTo(type);
        assertThat(checked.contentType()).startsWith("application/problem+json");
        assertThat(checked.body()).doesNotContain(DOMAIN);
    }

    /**
     * The link's token, usable as soon as the mail arrives: the secret's hash is committed before
     * the mail is handed to the SMTP server.
     */
    private String tokenIn(MimeMessage mail) throws Exception {
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher link = VERIFY.matcher(text);
        assertThat(link.find()).as("a verification link in %s", text).isTrue();
        String token = link.group(1);
        Reply checked = new Api(base).post("/api/v1/auth/email-verification/check", Api.json("token", token));
        assertThat(checked.status()).as("the link on arrival: %s", checked).isNotEqualTo(400);
        return token;
    }

    private MimeMessage awaitMail(String email, String subject) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage mail : mailsTo(email)) {
                if (subject.equals(mail.getSubject())) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail \"" + subject + "\" to " + email + " after " + DEADLINE);
    }

    private List<MimeMessage> awaitMails(String email, int count) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(email);
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(100);
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
