package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Mail journeys in headless Chromium with GreenMail as the SMTP server: someone who forgot their
 * password follows "Forgot password?" on the sign-in card, gets the mail, opens its link, sets a
 * new password and signs in with it, in English and in Korean; the used link and a link cut short
 * each show their own page. Screenshots of every page, en/ko, 1280 and 390 px wide:
 * target/browser-screenshots/mail-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class MailBrowserIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("(https?://\\S+#/reset-password\\?token=[0-9a-f]{32}\\.[A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "a brand new secret 42";

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
    void aForgottenPasswordIsResetByMailInEnglish() throws Exception {
        forgottenPasswordJourney("en", "Reset your Moim password");
    }

    @Test
    void aForgottenPasswordIsResetByMailInKorean() throws Exception {
        forgottenPasswordJourney("ko", "Moim 비밀번호 재설정");
    }

    private void forgottenPasswordJourney(String language, String subject) throws Exception {
        Api api = new Api(base);
        SignedIn me = Accounts.signUp(api, "Forgetful");
        if (language.equals("ko")) {
            assertThat(api.patch("/api/v1/me", Api.json("locale", "ko"), me.accessToken()).status()).isEqualTo(200);
        }
        Browser browser = browsers.start("reader");
        browser.open(base.toString());
        browser.awaitState("signed-out");
        if (language.equals("ko")) {
            browser.click("lang-ko");
            browser.await("the page in Korean", d -> "ko".equals(browser.htmlLang()));
        }

        browser.visible("forgot-password");
        shots(browser, "mail-sign-in-" + language);
        browser.click("forgot-password");
        browser.visible("forgot-email");
        shots(browser, "mail-forgot-" + language);
        browser.type("forgot-email", me.email());
        browser.click("forgot-submit");
        assertThat(browser.visible("forgot-sent").getText()).contains(me.email());
        shots(browser, "mail-forgot-sent-" + language);

        MimeMessage mail = awaitMail(me.email(), 1);
        assertThat(mail.getSubject()).isEqualTo(subject);
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a reset link in %s", text).isTrue();
        String url = link.group(1);
        assertThat(url).startsWith(base.toString());

        // The mail as a mail program shows its HTML part; its button opens a page of its own (a
        // mail client opens a new tab), not a hash change in the page already open.
        Path letter = Path.of("target", "mail-previews", System.getenv().getOrDefault("MOIM_IT_DATABASE", "db") + "-reset-" + language + ".html");
        Files.createDirectories(letter.getParent());
        Files.writeString(letter, (String) parts.getBodyPart(1).getContent());
        browser.open("about:blank");
        browser.open(letter.toUri().toString());
        String button = language.equals("ko") ? "새 비밀번호 정하기" : "Choose a new password";
        WebElement action = browser.await("the mail's button", d -> d.findElement(By.linkText(button)));
        assertThat(action.getDomAttribute("href")).isEqualTo(url);
        shots(browser, "mail-reset-letter-" + language);
        browser.driver().findElement(By.linkText(button)).click();
        browser.visible("reset-password");
        shots(browser, "mail-reset-new-" + language);
        browser.type("reset-password", "short");
        browser.click("reset-submit");
        browser.awaitAnyText("auth-error");
        browser.type("reset-password", NEW_PASSWORD);
        browser.click("reset-submit");
        browser.visible("reset-sign-in");
        assertThat(browser.all("back-to-sign-in").get(0).isDisplayed()).as("one way on: the sign-in button").isFalse();
        shots(browser, "mail-reset-done-" + language);
        browser.click("reset-sign-in");
        browser.visible("login-email");
        browser.type("login-email", me.email());
        browser.type("login-password", NEW_PASSWORD);
        browser.click("login-submit");
        browser.awaitState("signed-in");
        assertThat(awaitMail(me.email(), 2).getSubject()).as("the mail telling the owner")
                .isEqualTo(language.equals("ko") ? "Moim 비밀번호가 변경되었습니다" : "Your Moim password was changed");

        // The same link again, and the link cut short: each its own page.
        Browser other = browsers.start("other");
        other.open(base.toString());
        other.awaitState("signed-out");
        if (language.equals("ko")) {
            other.click("lang-ko");
            other.await("the page in Korean", d -> "ko".equals(other.htmlLang()));
        }
        other.open(url);
        other.await("the used link's page", d -> "reset-link-used".equals(problemOf(other)));
        shots(other, "mail-reset-used-" + language);
        other.open(url.substring(0, url.length() - 10));
        other.await("the page of a link cut short", d -> "reset-link-incomplete".equals(problemOf(other)));
        shots(other, "mail-reset-incomplete-" + language);
        other.click("reset-ask-again");
        other.visible("forgot-email");
        other.click("back-to-sign-in");
        other.visible("login-email");
    }

    private static String problemOf(Browser browser) {
        return browser.all("reset-problem").stream().findFirst().map(e -> e.getDomAttribute("data-problem")).orElse(null);
    }

    /** The page as it is, at 1280 and at 390 px wide; the page must not be wider than the window. */
    private static void shots(Browser browser, String name) {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        for (int width : List.of(1280, 390)) {
            window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
            Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("%s at %d px: wider than the window", name, width).isLessThanOrEqualTo(0);
            browser.screenshot(name + "-" + width);
        }
        window.setSize(wide);
    }

    private MimeMessage awaitMail(String email, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No mail number " + count + " to " + email + " after " + DEADLINE);
    }
}
