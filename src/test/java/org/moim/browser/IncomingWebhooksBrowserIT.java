package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
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
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Incoming webhooks in two browsers: Mina, the workspace's owner, opens #general's settings,
 * makes a webhook and copies its URL (shown once); Joon, a member, sees no such section. An
 * integrator POSTs Slack JSON to the URL (no sign-in) and Joon, reading #general, sees the
 * message live under the hook's name with its badge, its mrkdwn shown as Moim markdown (bold, a
 * link). Screenshots of the webhook settings and of the hook's message in English and Korean at
 * 1280 and 390 px (target/browser-screenshots/hooks-*.png).
 */
@ExtendWith(ArquillianExtension.class)
class IncomingWebhooksBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;


    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void aManagerMakesAHookAndItsMessageReachesAnotherPersonLiveWithItsBadge() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(api, "Joon");
        Chat.workspace(base, mina, joon);
        Browser minas = signedIn("mina", mina);
        Browser joons = signedIn("joon", joon);
        openGeneral(minas);
        openGeneral(joons);

        // Joon, a member, manages no webhooks.
        joons.click("channel-settings");
        joons.visible("channel-settings-dialog");
        assertThat(joons.all("hooks-section")).isEmpty();
        joons.keys(Keys.ESCAPE);

        // Mina makes one from #general's settings and copies its URL.
        minas.click("channel-settings");
        minas.visible("hooks-section");
        minas.awaitText("hooks-empty", "No incoming webhooks yet.");
        minas.type("hook-name", "Deploy bot");
        minas.click("hook-create");
        String url = minas.visible("hook-url").getDomProperty("value");
        assertThat(url).contains("/api/v1/hooks/moim_hook_");
        minas.await("the hook in the list", d -> minas.all("hook").stream().anyMatch(e -> e.getText().contains("Deploy bot")));
        minas.click("hook-copy");
        settingsShots(minas, "hooks-settings-en", "en");

        // Korean: a second webhook, its URL shown in Korean.
        minas.keys(Keys.ESCAPE);
        minas.await("the dialog to close", d -> !(Boolean) minas.script("return !!document.querySelector('dialog[open]')"));
        minas.click("lang-ko");
        minas.await("the page in Korean", d -> "ko".equals(minas.htmlLang()));
        minas.click("channel-settings");
        minas.await("the first hook listed", d -> minas.all("hook").size() == 1);
        minas.type("hook-name", "배포 알림");
        minas.click("hook-create");
        minas.visible("hook-url");
        minas.await("two hooks listed", d -> minas.all("hook").size() == 2);
        settingsShots(minas, "hooks-settings-ko", "ko");
        minas.keys(Keys.ESCAPE);
        minas.click("lang-en");
        minas.await("the page in English again", d -> "en".equals(minas.htmlLang()));

        // An integrator posts Slack JSON to the copied URL, without signing in.
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"text": "*Deployed* v2.4 to production: <https://ci.example.com/builds/42|build 42>",
                         "attachments": [{"title": "Changes", "text": "• Faster search\\n• Korean calendar names"}]}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        // Joon sees it live: the hook's name, the badge, bold text and a link.
        joons.await("the hook's message", d -> joons.all("chat-text").stream().anyMatch(e -> e.getText().contains("Deployed v2.4 to production")));
        WebElement text = joons.all("chat-text").stream().filter(e -> e.getText().contains("Deployed")).findFirst().orElseThrow();
        assertThat(text.findElement(By.tagName("strong")).getText()).isEqualTo("Deployed");
        assertThat(text.findElement(By.cssSelector("a[href='https://ci.example.com/builds/42']")).getText()).isEqualTo("build 42");
        assertThat(joons.all("chat-sender").stream().map(WebElement::getText)).contains("Deploy bot");
        assertThat(joons.visible("chat-bot-badge").getText()).isEqualTo("Bot");
        messageShots(joons, "hooks-message");
    }

    // ---------------------------------------------------------------------------------------------

    private Browser signedIn(String who, SignedIn account) throws IOException {
        return browsers.signedIn(who, base, account.email());
    }

    private static void openGeneral(Browser browser) {
        browser.await("#general in the sidebar", d -> !browser.all("channel-link").isEmpty());
        // The sidebar redraws as the channel list arrives: the click is retried on a fresh link.
        browser.await("a click on general", d -> {
            browser.all("channel-link").stream().filter(l -> l.getText().contains("general")).findFirst().orElseThrow().click();
            return true;
        });
        browser.awaitText("chat-title", "# general");
    }

    /** The open settings dialog scrolled to its webhooks, at 1280 and 390 px; nothing past the dialog's right edge. */
    private static void settingsShots(Browser browser, String name, String language) throws IOException {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        Files.createDirectories(Browser.SCREENSHOTS);
        assertThat(browser.htmlLang()).isEqualTo(language);
        for (int width : List.of(1280, 390)) {
            window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
            WebElement section = browser.visible("hooks-section");
            browser.script("arguments[0].scrollIntoView({block: 'start'})", section);
            Number overflow = (Number) browser.script("""
                    const scope = document.querySelector('dialog[open]');
                    return Math.max(...[...scope.querySelectorAll('button, input, code, h3')].filter((e) => e.offsetParent)
                        .map((e) => e.getBoundingClientRect().right)) - Math.min(scope.getBoundingClientRect().right, document.documentElement.clientWidth);""");
            assertThat(overflow.doubleValue()).as("%s %d px: a control past the dialog's right edge", name, width).isLessThanOrEqualTo(0);
            Files.write(Browser.SCREENSHOTS.resolve(name + "-" + width + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
        window.setSize(wide);
    }

    /** The channel with the hook's message, in English and Korean at 1280 and 390 px. */
    private static void messageShots(Browser browser, String name) throws IOException {
        browser.shots(name, Browser.Capture.WINDOW, (language, width) -> {
            List<WebElement> texts = browser.all("chat-text");
            browser.script("arguments[0].scrollIntoView({block: 'end'})", texts.get(texts.size() - 1));
        });
    }
}
