package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Notification mail in two browsers, GreenMail as the SMTP server: Ben chooses a digest on his
 * Profile page (the choice survives a reload; the page in English and Korean, 1280 and 390 px:
 * target/browser-screenshots/notification-mail-*.png), closes his browser, and Ann mentions him
 * twice in the board's chat: one digest arrives, in his language, with both mentions. Ben opens
 * its HTML part in a browser (screenshots notification-mail-digest-ko-*.png) and follows its
 * "수신 거부" (unsubscribe) link: the page asks first (opening it changes nothing), one click turns
 * his notification mail off (the page in English and Korean, 1280 and 390 px).
 */
@ExtendWith(ArquillianExtension.class)
class NotificationMailBrowserIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private GreenMail smtp;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("MOIM_MAIL_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aMemberMentionedWhileAwayGetsOneDigestAsChosenOnTheProfilePage() throws Exception {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Ann Writer");
        SignedIn ben = Accounts.signUp(new Api(base), "Ben Reader");
        String workspace = Chat.workspace(base, ann, ben);
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        Api.Reply board = api.post(boards, Api.json("name", "Launch"), ann.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);

        // Ben chooses a digest on his profile; the choice is kept.
        Browser bens = browsers.signedIn("ben", base, ben.email());
        bens.click("nav-profile");
        bens.visible("mail-prefs");
        bens.await("the current setting", d -> "OFF".equals(bens.visible("mail-mode").getDomProperty("value"))
                && bens.visible("mail-mode").isEnabled());
        new Select(bens.visible("mail-mode")).selectByValue("DIGEST");
        bens.click("mail-mode-save");
        bens.await("saved", d -> "DIGEST".equals(mode(api, ben)));
        bens.reload();
        bens.awaitState("signed-in");
        bens.await("the setting after a reload", d -> "DIGEST".equals(bens.visible("mail-mode").getDomProperty("value"))
                && bens.visible("mail-mode").isEnabled());
        shots(bens, "notification-mail-profile-en", "mail-prefs");
        // In Korean: the profile's language.
        new Select(bens.visible("profile-locale")).selectByValue("ko");
        bens.click("profile-save");
        bens.await("the page in Korean", d -> "ko".equals(bens.htmlLang()));
        bens.await("the panel in Korean", d -> bens.visible("mail-prefs").getText().contains("알림 메일"));
        assertThat(new Select(bens.visible("mail-mode")).getFirstSelectedOption().getText()).isEqualTo("놓친 알림을 모아서 한 번에");
        shots(bens, "notification-mail-profile-ko", "mail-prefs");
        // Ben goes away.
        browsers.close("ben");

        // Ann mentions him twice in the board's chat.
        Browser anns = browsers.signedIn("ann", base, ann.email());
        anns.click("nav-boards");
        anns.await("the board", d -> anns.all("board-name").stream().anyMatch(e -> e.getText().equals("Launch")));
        anns.all("board-tile").stream().filter(e -> e.getText().contains("Launch")).findFirst().orElseThrow()
                .findElement(org.openqa.selenium.By.cssSelector("a.board-tile-link")).click();
        anns.awaitText("board-title", "Launch");
        anns.click("board-chat-toggle");
        anns.awaitText("chat-title", "# Launch");
        for (String text : List.of("the deck is ready", "and the budget too")) {
            anns.type("chat-input", "@Be");
            anns.awaitText("chat-suggestion", "Ben Reader");
            anns.keys(Keys.ENTER);
            anns.keys(text + Keys.ENTER);
            anns.await("the message sent", d -> anns.all("chat-text").stream().anyMatch(e -> e.getText().equals("@Ben Reader " + text)));
        }

        MimeMessage digest = awaitMail(ben.email());
        long runs = runs(api);
        while (runs(api) < runs + 4) {
            assertThat(mailsTo(ben.email())).hasSize(1);
            Thread.sleep(200);
        }
        assertThat(mailsTo(ben.email())).as("one digest, not a mail per mention").hasSize(1);
        assertThat(digest.getSubject()).isEqualTo("Moim: 확인하지 않은 알림 2개");
        String text = part(digest, "text/plain");
        assertThat(text).contains("Ann Writer님이 채팅에서 회원님을 언급했습니다", "the deck is ready", "and the budget too", base.toString());
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        // Ben reads the mail (its HTML part, as a mail program shows it) and follows its unsubscribe link.
        Path mail = Path.of("target", "mail-previews", System.getenv().getOrDefault("MOIM_IT_DATABASE", "db") + "-browser-digest-ko.html");
        Files.createDirectories(mail.getParent());
        Files.writeString(mail, part(digest, "text/html"));
        Browser reader = browsers.start("mail-reader");
        reader.open(mail.toUri().toString());
        reader.await("the mail", d -> d.findElements(By.cssSelector("li a")).size() == 2);
        assertThat(reader.driver().findElement(By.tagName("body")).getText()).contains("Ben Reader님, 안녕하세요.",
                "Ann Writer님이 채팅에서 회원님을 언급했습니다", "the deck is ready");
        shots(reader, "notification-mail-digest-ko", null);
        reader.driver().findElement(By.linkText("수신 거부")).click();
        reader.awaitState("signed-out");
        reader.visible("unsubscribe-confirm");
        reader.click("lang-en");
        reader.awaitText("unsubscribe-confirm", "Unsubscribe");
        assertThat(mode(api, ben)).as("opening the page changes nothing").isEqualTo("DIGEST");
        shots(reader, "notification-mail-unsubscribe-en", "unsubscribe-card");
        reader.click("lang-ko");
        reader.awaitText("unsubscribe-confirm", "수신 거부");
        shots(reader, "notification-mail-unsubscribe-ko", "unsubscribe-card");
        reader.click("unsubscribe-confirm");
        reader.visible("unsubscribe-done");
        assertThat(reader.textOf("unsubscribe-subtitle")).contains("더 이상 알림 메일을 보내지 않습니다");
        assertThat(mode(api, ben)).isEqualTo("OFF");
        shots(reader, "notification-mail-unsubscribed-ko", "unsubscribe-card");
        reader.click("lang-en");
        reader.await("the page in English", d -> reader.textOf("unsubscribe-subtitle").contains("Moim will not send you notification mail"));
        shots(reader, "notification-mail-unsubscribed-en", "unsubscribe-card");
    }

    /** The part of a multipart/alternative mail with that content type, decoded. */
    private static String part(MimeMessage mail, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part in " + mail.getContentType());
    }

    private static String mode(Api api, SignedIn who) {
        JsonObject setting = api.get("/api/v1/me/notification-mail", who.accessToken()).json();
        return setting.getString("mode");
    }

    private static long runs(Api api) {
        return Long.parseLong(api.request("GET", "/api/v1/test-probe/leases/notification-mail").send().body().strip());
    }

    /** The notification mails to the address (they carry List-Unsubscribe; the invitation mails the sign-ups caused do not). */
    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getHeader("List-Unsubscribe") != null
                        && Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage awaitMail(String address) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(address);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            smtp.waitForIncomingEmail(500, 1);
        }
        throw new AssertionError("No mail to " + address + " within " + DEADLINE);
    }

    /** The page as it is, at 1280 and at 390 px wide; the page must not be wider than the window. */
    private static void shots(Browser browser, String name, String scrollTo) {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        for (int width : List.of(1280, 390)) {
            window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
            if (scrollTo != null) {
                browser.script("document.querySelector(\"[data-testid='" + scrollTo + "']\").scrollIntoView()");
            }
            Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("%s at %d px: wider than the window", name, width).isLessThanOrEqualTo(0);
            browser.screenshot(name + "-" + width);
        }
        window.setSize(wide);
    }
}
