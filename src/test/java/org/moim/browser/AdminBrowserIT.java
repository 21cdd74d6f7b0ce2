package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.browser.Browser.testId;
import static org.moim.browser.Browser.within;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Administration in two headless Chromium browsers: an administrator finds a member from the
 * Administration link (which only administrators see) and deactivates them, and the member's open
 * app in the other browser is signed out at once; signing in again says the account is
 * deactivated; an administrator retries a reset mail that died while the mail server was down.
 * Screenshots of the admin screen in English and Korean, 1280 and 390 px wide, land
 * in target/browser-screenshots/admin-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class AdminBrowserIT {

    /** The address failsafe's MOIM_ADMIN_EMAILS names (AdminIT registers it too). */
    static final String ADMIN_EMAIL = "admin-it@example.com";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;


    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void anAdministratorDeactivatesAMemberWhoseOpenAppIsSignedOutAtOnce() throws Exception {
        Api api = new Api(base);
        api.post("/api/v1/auth/register", Api.json("email", ADMIN_EMAIL, "password", Accounts.PASSWORD, "displayName", "Admin"));
        SignedIn admin = Accounts.signIn(api, ADMIN_EMAIL, Accounts.PASSWORD, null);
        String tag = "Cho" + UUID.randomUUID().toString().substring(0, 4);
        SignedIn member = Accounts.signUp(api, "Mina " + tag);

        Browser minas = signedIn("member", member.email());
        minas.await("Mina's live connection", d -> realtimeConnected(minas));
        assertThat(minas.driver().findElements(testId("nav-admin"))).as("members do not see Administration")
                .allSatisfy(link -> assertThat(link.isDisplayed()).isFalse());

        Browser admins = signedIn("admin", admin.email());
        admins.click("nav-admin");
        admins.visible("admin-accounts");
        admins.type("admin-account-search", tag);
        // The list redraws when the search answers: wait for the one match, then click through a retrying wait.
        admins.await("only Mina listed", d -> admins.all("admin-account").size() == 1);
        admins.await("Mina's Deactivate clicked", d -> {
            try {
                within(accountRow(admins, member.email()), "admin-deactivate").click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
        admins.click("admin-confirm-ok");
        admins.await("the Deactivated badge", d -> !accountRow(admins, member.email()).findElements(testId("deactivated-badge")).isEmpty());

        // Mina's socket closed as revoked; her tab asked the server, found the session over and signed out.
        minas.awaitState("signed-out");
        minas.type("login-email", member.email());
        minas.type("login-password", Accounts.PASSWORD);
        minas.click("login-submit");
        minas.await("told the account is deactivated", d -> d.findElements(By.cssSelector("[role=alert], .alert")).stream()
                .anyMatch(e -> e.getText().contains("deactivated")));

        // The audit log names the deactivation.
        admins.setValue("admin-audit-action", "ACCOUNT_DEACTIVATED");
        admins.await("the deactivation in the audit log", d -> admins.all("audit-action").stream()
                .findFirst().map(e -> "ACCOUNT_DEACTIVATED".equals(e.getAttribute("data-action"))).orElse(false));
        admins.setValue("admin-audit-action", "");
        admins.setValue("admin-account-search", "");
        shots(admins, "admin");
    }

    /**
     * Issue 19's dead mails: Rita asks for a reset link from the sign-in page while the mail server
     * is down, her mail runs out of attempts (five, over some 30 s in the tests), and the
     * administrator finds it in Administration as "Password reset mail" for Rita, brings the mail
     * server back and retries it: Rita gets a link that opens the reset page.
     */
    @Test
    void anAdministratorRetriesAResetMailThatDiedWhileTheMailServerWasDown() throws Exception {
        Api api = new Api(base);
        api.post("/api/v1/auth/register", Api.json("email", ADMIN_EMAIL, "password", Accounts.PASSWORD, "displayName", "Admin"));
        SignedIn admin = Accounts.signIn(api, ADMIN_EMAIL, Accounts.PASSWORD, null);
        SignedIn rita = Accounts.signUp(api, "Rita " + UUID.randomUUID().toString().substring(0, 4));

        // Nothing listens on the mail port in this class: the mail dies.
        Browser ritas = browsers.start("rita");
        ritas.open(base.toString());
        ritas.awaitState("signed-out");
        ritas.click("forgot-password");
        ritas.type("forgot-email", rita.email());
        ritas.click("forgot-submit");
        ritas.visible("forgot-sent");

        Browser admins = signedIn("admin", admin.email());
        admins.click("nav-admin");
        admins.visible("admin-dead-reload");   // the list itself may be empty (no height) until the mail dies
        WebElement row = admins.await(Duration.ofSeconds(120), "Rita's dead reset mail listed", d -> {
            Optional<WebElement> found = deadMailFor(admins, rita.email());
            if (found.isEmpty()) {
                admins.click("admin-dead-reload");
            }
            return found.orElse(null);
        });
        assertThat(within(row, "admin-dead-name").getText()).isEqualTo("Password reset mail");
        assertThat(within(row, "admin-dead-owner").getText()).contains(rita.email());
        assertThat(within(row, "admin-dead-error").getText()).as("why it died").contains("mail server");
        shots(admins, "admin-dead");

        GreenMail smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("MOIM_MAIL_PORT")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            within(deadMailFor(admins, rita.email()).orElseThrow(), "admin-retry").click();
            admins.await("the retried mail gone from the list", d -> deadMailFor(admins, rita.email()).isEmpty());
            MimeMessage mail = admins.await(Duration.ofSeconds(60), "the reset mail at the mail server", d ->
                    Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, rita.email())).findFirst().orElse(null));
            assertThat(mail.getSubject()).isEqualTo("Reset your Moim password");
            String text = (String) ((jakarta.mail.internet.MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
            Matcher link = Pattern.compile("(http\\S+#/reset-password\\?token=\\S+)").matcher(text);
            assertThat(link.find()).as("a reset link in %s", text).isTrue();
            ritas.open("about:blank");
            ritas.open(link.group(1));
            ritas.visible("reset-password");
        } finally {
            smtp.stop();
        }
        jakarta.json.JsonObject audited = api.get("/api/v1/admin/audit?action=JOB_RETRIED&limit=1", admin.accessToken()).json()
                .getJsonArray("items").getJsonObject(0);
        assertThat(audited.getString("actorEmail")).isEqualTo(ADMIN_EMAIL);
        assertThat(audited.getString("detail")).isEqualTo("password-reset-mail");
    }

    private static Optional<WebElement> deadMailFor(Browser browser, String email) {
        try {
            return browser.all("admin-dead-job").stream()
                    .filter(r -> !r.findElements(testId("admin-dead-owner")).isEmpty()
                            && within(r, "admin-dead-owner").getText().contains(email))
                    .findFirst();
        } catch (StaleElementReferenceException redrawn) {
            return Optional.empty();
        }
    }

    private static boolean to(MimeMessage mail, String email) {
        try {
            return Arrays.stream(mail.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Browser signedIn(String who, String email) throws IOException {
        return browsers.signedIn(who, base, email);
    }

    private static boolean realtimeConnected(Browser browser) {
        Object connected = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        // The app's own module instance: under the build's versioned path, next to app.js.
                        + "import(new URL('realtime.js', document.querySelector('script[type=module]').src).href)"
                        + ".then(m => done(m.isConnected()), () => done(false));");
        return Boolean.TRUE.equals(connected);
    }

    private static WebElement accountRow(Browser browser, String email) {
        return browser.await("the account " + email, d -> browser.all("admin-account").stream()
                .filter(r -> email.equals(r.getAttribute("data-email"))).findFirst().orElse(null));
    }

    /** The screen in English and Korean, 1280 and 390 px wide; back to English at 1280 afterwards. */
    private static void shots(Browser browser, String name) throws IOException {
        browser.shots(name, Browser.Capture.PAGE, (language, width) -> { });
    }
}
