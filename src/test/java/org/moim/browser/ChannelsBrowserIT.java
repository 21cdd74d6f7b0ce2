package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Workspace channels in two browsers: Mina creates a public channel from the sidebar, Joon finds
 * it in Browse and joins, and they chat live; Mina creates a private channel, which Joon cannot
 * find until she invites him from its settings, and then it appears in his open app at once.
 * Screenshots of the sidebar with channels, the browse and create dialogs and a channel, in
 * English and Korean, 1280 and 390 px wide (target/browser-screenshots/channels-*.png), with a
 * check that nothing runs past the window.
 */
@ExtendWith(ArquillianExtension.class)
class ChannelsBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void twoPeopleMeetInAPublicChannelAndAPrivateOneStaysHiddenUntilAnInvitation() throws Exception {
        SignedIn mina = Accounts.signUp(new Api(base), "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        String workspace = Chat.workspace(base, mina, joon);
        Browser minas = signedIn("mina", mina);
        Browser joons = signedIn("joon", joon);

        // Both land in the workspace; its sidebar lists #general.
        for (Browser browser : List.of(minas, joons)) {
            browser.await("#general in the sidebar", d -> channelNames(browser).contains("general"));
        }

        // Mina creates a public channel with the sidebar's "+".
        minas.click("channel-create");
        minas.type("channel-new-name", "design");
        minas.type("channel-new-topic", "Logos and colours");
        minas.click("channel-new-submit");
        minas.awaitText("chat-title", "# design");
        minas.awaitText("channel-topic", "Logos and colours");
        minas.await("#design in her sidebar", d -> channelNames(minas).contains("design"));

        // Joon finds it in Browse and joins it.
        joons.click("channel-browse");
        joons.await("design in the browse list", d -> browseNames(joons).contains("design"));
        WebElement design = joons.all("channel-browse-item").stream()
                .filter(item -> Browser.within(item, "channel-browse-name").getText().contains("design")).findFirst().orElseThrow();
        Browser.within(design, "channel-browse-join").click();
        joons.awaitText("chat-title", "# design");
        joons.await("#design in his sidebar", d -> channelNames(joons).contains("design"));

        // They chat live.
        minas.type("chat-input", "Welcome, Joon!");
        minas.click("chat-send");
        joons.await("Mina's message", d -> texts(joons).contains("Welcome, Joon!"));
        joons.type("chat-input", "고마워요");
        joons.click("chat-send");
        minas.await("Joon's answer", d -> texts(minas).contains("고마워요"));

        // Mina makes a private channel; Joon cannot find it.
        minas.click("channel-create");
        minas.type("channel-new-name", "secret plans");
        minas.visible("channel-new-private").click();
        minas.click("channel-new-submit");
        minas.awaitText("chat-title", "# secret plans");
        joons.click("channel-browse");
        joons.await("the browse list", d -> browseNames(joons).contains("design"));
        assertThat(browseNames(joons)).doesNotContain("secret plans");
        joons.keys(org.openqa.selenium.Keys.ESCAPE);
        assertThat(channelNames(joons)).doesNotContain("secret plans");
        String secret = (String) minas.script("return document.querySelector(\"[data-testid='chat-panel']\").dataset.channelId");
        assertThat(new Api(base).get("/api/v1/channels/" + secret, joon.accessToken()).status()).isEqualTo(404);

        // She invites him from the channel's settings; his open app lists it at once (no reload), and he reads it.
        minas.type("chat-input", "Only for us");
        minas.click("chat-send");
        minas.await("her message", d -> texts(minas).contains("Only for us"));
        minas.click("channel-settings");
        minas.visible("channel-add-member");
        minas.setValue("channel-add-member", joon.id());
        minas.click("channel-add-member-submit");
        minas.await("Joon among the members", d -> minas.all("channel-member").stream().anyMatch(m -> m.getText().contains("Joon")));
        minas.awaitText("channel-members-heading", "2 members");
        minas.keys(org.openqa.selenium.Keys.ESCAPE);
        joons.await("secret plans in his sidebar without a reload", d -> channelNames(joons).contains("secret plans"));
        // The sidebar redraws when the channel list changes: the click is retried on a fresh link.
        joons.await("a click on secret plans", d -> {
            joons.all("channel-link").stream().filter(l -> l.getText().contains("secret plans")).findFirst().orElseThrow().click();
            return true;
        });
        joons.await("Mina's private message", d -> texts(joons).contains("Only for us"));

        // Joon calls everyone in #design while Mina reads the private channel: her sidebar counts it as a mention.
        joons.await("a click on design", d -> {
            joons.all("channel-link").stream().filter(l -> l.getText().contains("design")).findFirst().orElseThrow().click();
            return true;
        });
        joons.awaitText("chat-title", "# design");
        joons.type("chat-input", "@channel the new logo is up");
        joons.click("chat-send");
        minas.await("a mention on #design", d -> minas.all("channel-link").stream()
                .anyMatch(l -> l.getText().contains("design") && !Browser.within(l, "channel-mentions").getText().isEmpty()
                        && "@1".equals(Browser.within(l, "channel-mentions").getText())));
        shots(minas, "channels-sidebar-mention", null);

        // Joon reads the private channel again; Mina takes him out of it from its settings: his open
        // view says it is no longer his and his sidebar drops it, at once (no reload, no list refresh).
        joons.await("a click on secret plans", d -> {
            joons.all("channel-link").stream().filter(l -> l.getText().contains("secret plans")).findFirst().orElseThrow().click();
            return true;
        });
        joons.awaitText("chat-title", "# secret plans");
        joons.script("window.channelsMarker = 'still the same page'");
        minas.await("a click on secret plans", d -> {
            minas.all("channel-link").stream().filter(l -> l.getText().contains("secret plans")).findFirst().orElseThrow().click();
            return true;
        });
        minas.awaitText("chat-title", "# secret plans");
        minas.click("channel-settings");
        minas.awaitText("channel-members-heading", "2 members");
        minas.await("Joon removed", d -> {
            WebElement member = minas.all("channel-member").stream().filter(m -> m.getText().contains("Joon")).findFirst().orElse(null);
            if (member == null) {
                return true;
            }
            WebElement remove = Browser.within(member, "channel-remove-member");
            minas.script("arguments[0].scrollIntoView({block: 'center'})", remove);
            remove.click();
            return false;
        });
        minas.awaitText("channel-members-heading", "1 member");
        minas.keys(org.openqa.selenium.Keys.ESCAPE);
        joons.awaitText("chat-status", "This conversation is not available to you.");
        joons.await("secret plans gone from his sidebar", d -> !channelNames(joons).contains("secret plans"));
        assertThat(joons.script("return window.channelsMarker")).as("Joon's page never reloaded").isEqualTo("still the same page");
        shots(joons, "channels-removed", null);

        // Mina edits #design's settings while they are changed elsewhere (another tab, another
        // manager): her save is refused, she is told so and sees the new values.
        minas.await("a click on design", d -> {
            minas.all("channel-link").stream().filter(l -> l.getText().contains("design")).findFirst().orElseThrow().click();
            return true;
        });
        minas.awaitText("chat-title", "# design");
        minas.click("channel-settings");
        minas.await("the topic read", d -> "Logos and colours".equals(minas.visible("channel-edit-topic").getDomProperty("value")));
        Api.Reply elsewhere = new Api(base).patch("/api/v1/channels/" + minas.script(
                        "return document.querySelector(\"[data-testid='chat-panel']\").dataset.channelId"),
                Api.json("topic", "Changed elsewhere"), mina.accessToken());
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
        WebElement topic = minas.visible("channel-edit-topic");
        topic.clear();
        topic.sendKeys("My topic");
        minas.click("channel-edit-submit");
        minas.awaitText("channel-settings-stale",
                "Someone else changed this channel's settings in the meantime, so yours were not saved. You now see theirs.");
        assertThat(minas.visible("channel-edit-topic").getDomProperty("value")).isEqualTo("Changed elsewhere");
        minas.keys(org.openqa.selenium.Keys.ESCAPE);
        minas.awaitText("channel-topic", "Changed elsewhere");

        // Archived elsewhere while her settings are open: her Archive is refused as stale, the
        // dialog now shows the channel archived and its button offers what a click does now.
        minas.click("channel-settings");
        minas.awaitText("channel-archive", "Archive");
        String designId = (String) minas.script("return document.querySelector(\"[data-testid='chat-panel']\").dataset.channelId");
        Api.Reply archived = new Api(base).post("/api/v1/channels/" + designId + "/archive", Api.json(), mina.accessToken());
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        minas.click("channel-archive");
        minas.awaitText("channel-settings-stale",
                "Someone else changed this channel's settings in the meantime, so yours were not saved. You now see theirs.");
        minas.awaitText("channel-archive", "Unarchive");
        minas.click("channel-archive");
        minas.await("the settings closed", d -> minas.all("channel-archive").isEmpty());
        Api.Reply after = new Api(base).get("/api/v1/channels/" + designId, mina.accessToken());
        assertThat(after.json().containsKey("archivedAt") && !after.json().isNull("archivedAt")).as(after.toString()).isFalse();

        // Screens, in both languages and widths.
        minas.all("channel-link").stream().filter(l -> l.getText().contains("design")).findFirst().orElseThrow().click();
        minas.awaitText("chat-title", "# design");
        shots(minas, "channels-sidebar-and-channel", null);
        shots(minas, "channels-browse-dialog", "channel-browse");
        shots(minas, "channels-create-dialog", "channel-create");
        shots(minas, "channels-settings-dialog", "channel-settings");
    }

    // ---------------------------------------------------------------------------------------------

    private Browser signedIn(String who, SignedIn account) throws IOException {
        return browsers.signedIn(who, base, account.email());
    }

    private static List<String> channelNames(Browser browser) {
        return browser.all("channel-link").stream().map(l -> l.getText().replaceAll("\\s*@?\\d+$", "").replaceFirst("^#\\s*", "").strip())
                .toList();
    }

    private static List<String> browseNames(Browser browser) {
        return browser.all("channel-browse-name").stream().map(n -> n.getText().replaceFirst("^#\\s*", "").strip()).toList();
    }

    private static List<String> texts(Browser browser) {
        return browser.all("chat-text").stream().map(WebElement::getText).toList();
    }

    /**
     * Screenshots in English and Korean at 1280 and 390 px, after {@code opener} (a dialog's button,
     * or null for the page), checking that nothing sticks out past the window's right edge.
     */
    private static void shots(Browser browser, String name, String opener) throws IOException {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        Files.createDirectories(Browser.SCREENSHOTS);
        for (String language : List.of("en", "ko")) {
            if (!language.equals(browser.htmlLang())) {
                browser.click("lang-" + language);
                browser.await("the page in " + language, d -> language.equals(browser.htmlLang()));
            }
            if (opener != null) {
                browser.click(opener);
                browser.await("a dialog", d -> !browser.all("dialog-title").isEmpty()
                        || (Boolean) browser.script("return !!document.querySelector('dialog[open]')"));
            }
            for (int width : List.of(1280, 390)) {
                window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
                Number overflow = (Number) browser.script("""
                        const scope = document.querySelector('dialog[open]') ?? document.querySelector("[data-testid='channel-nav']");
                        return Math.max(...[...scope.querySelectorAll('button, a, input, h2')].filter((e) => e.offsetParent)
                            .map((e) => e.getBoundingClientRect().right)) - document.documentElement.clientWidth;""");
                if (opener != null || width == 1280) {
                    assertThat(overflow.doubleValue()).as("%s %s %d px: a control past the window's right edge", name, language, width)
                            .isLessThanOrEqualTo(0);
                }
                Files.write(Browser.SCREENSHOTS.resolve(name + "-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            }
            window.setSize(wide);
            if (opener != null) {
                browser.keys(org.openqa.selenium.Keys.ESCAPE);
                browser.await("the dialog to close", d -> !(Boolean) browser.script("return !!document.querySelector('dialog[open]')"));
            }
        }
        browser.click("lang-en");
        browser.await("the page in English again", d -> "en".equals(browser.htmlLang()));
    }
}
