package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import java.io.IOException;
import java.net.URL;
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
import org.openqa.selenium.WebElement;

/**
 * Tokens and bots in two browsers: Mina makes a personal access token on her profile page (the
 * secret shown once), uses it, and revokes it; in workspace settings she makes a bot and a token
 * for it; the bot posts into #general, and Joon, reading #general, sees its message with the Bot
 * badge. Screenshots of the Tokens panel, the Bots panel and the badge in English and Korean at
 * 1280 and 390 px (target/browser-screenshots/tokens-*.png).
 */
@ExtendWith(ArquillianExtension.class)
class TokensBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;


    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void aPersonMakesAndRevokesATokenAndABotsMessageShowsItsBadge() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(api, "Joon");
        String workspace = Chat.workspace(base, mina, joon);
        Browser minas = signedIn("mina", mina);
        Browser joons = signedIn("joon", joon);

        // Mina's profile page: a token for reading and chat, shown once.
        minas.click("nav-profile");
        minas.visible("tokens-title");
        minas.type("token-name", "Deploy script");
        minas.click("token-scope-chat-write");
        minas.setValue("token-expiry", "90");
        minas.click("token-submit");
        String secret = minas.visible("token-secret").getDomProperty("value");
        assertThat(secret).startsWith("moim_pat_").hasSize("moim_pat_".length() + 43);
        minas.await("the new token in the list", d -> minas.all("token-row-name").stream().anyMatch(e -> e.getText().equals("Deploy script")));
        assertThat(minas.textOf("token-status")).isEqualTo("Active");
        assertThat(minas.textOf("token-last-used")).isEqualTo("Never");
        assertThat(api.get("/api/v1/me", secret).status()).as("the token works").isEqualTo(200);
        shots(minas, "tokens-profile", "tokens-title");

        // She revokes it: it stops working at once.
        minas.click("token-revoke");
        minas.click("token-revoke-confirm-ok");
        minas.awaitText("token-status", "Revoked");
        assertThat(api.get("/api/v1/me", secret).status()).as("the revoked token").isEqualTo(401);

        // Workspace settings: a bot, and a token for it.
        // The sidebar scrolled with the long profile page: bring its link back under the top bar first.
        minas.script("arguments[0].scrollIntoView({block: 'center'})", minas.visible("nav-settings"));
        minas.click("nav-settings");
        minas.visible("settings-bots");
        minas.type("bot-name", "Build bot");
        minas.type("bot-avatar", "CI");
        minas.click("bot-create");
        minas.awaitText("bot-row-name", "Build bot");
        minas.click("bot-tokens-toggle");
        minas.type("bot-token-name", "CI pipeline");
        assertThat(minas.all("bot-token-scope-admin")).as("a bot's token never runs the workspace").isEmpty();
        minas.click("bot-token-scope-chat-write");
        minas.click("bot-token-submit");
        String botSecret = minas.visible("bot-token-secret").getDomProperty("value");
        assertThat(botSecret).startsWith("moim_pat_");
        minas.await("the bot's token in its list", d -> minas.all("token-row-name").stream().anyMatch(e -> e.getText().equals("CI pipeline")));
        shots(minas, "tokens-bots", "settings-bots");

        // Joon reads #general; the bot posts there (as an integration would) and he sees its badge.
        joons.await("#general in the sidebar", d -> !joons.all("channel-link").isEmpty());
        joons.await("a click on general", d -> {
            joons.all("channel-link").stream().filter(l -> l.getText().contains("general")).findFirst().orElseThrow().click();
            return true;
        });
        joons.awaitText("chat-title", "# general");
        Api.Reply posted = api.post("/api/v1/channels/" + workspace + "/messages", json("text", "Build 512 passed ✅"), botSecret);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        joons.await("the bot's message", d -> joons.all("chat-text").stream().anyMatch(e -> e.getText().equals("Build 512 passed ✅")));
        WebElement badge = joons.visible("chat-bot-badge");
        assertThat(badge.getText()).isEqualTo("Bot");
        // The names come from the member list read when the page loaded (the bot joined later, as
        // any new member would): after a reload the bot's name stands beside its badge.
        joons.reload();
        joons.awaitState("signed-in");
        joons.await("the bot's name", d -> joons.all("chat-sender").stream().anyMatch(e -> e.getText().equals("Build bot")));
        assertThat(joons.visible("chat-bot-badge").getText()).isEqualTo("Bot");
        shots(joons, "tokens-chat-badge", "chat-bot-badge");
    }

    // ---------------------------------------------------------------------------------------------

    private Browser signedIn(String who, SignedIn account) throws IOException {
        return browsers.signedIn(who, base, account.email());
    }

    /**
     * Screenshots in English and Korean at 1280 and 390 px with {@code anchor} scrolled into view,
     * checking that no control of its panel sticks out past the panel's right edge. (At 390 px the
     * app's shell is wider than the window on every page, as ChannelsBrowserIT notes: the panel is
     * what this feature owns.)
     */
    private static void shots(Browser browser, String name, String anchor) throws IOException {
        browser.shots(name, Browser.Capture.WINDOW, (language, width) -> {
            // Found, scrolled to and measured in one retrying wait: a chat's message list is drawn
            // again when its member directory is read again, which leaves a found element stale.
            String overflowing = browser.await(anchor + " scrolled into view and measured", d -> {
                WebElement at = browser.visible(anchor);
                browser.script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -72)", at);
                return browser.overflowingControls(at);
            });
            assertThat(overflowing).as("%s %s %d px: controls past their panel's right edge", name, language, width).isEmpty();
        });
        browser.script("window.scrollTo(0, 0)");
    }
}
