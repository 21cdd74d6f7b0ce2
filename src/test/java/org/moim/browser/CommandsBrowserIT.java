package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.command.Integrator;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Slash commands in two browsers, against a real integrator in the test ({@link Integrator}):
 * Mina registers /echo in workspace settings (its secret shown once), types "/" in #general and
 * picks it from the suggestions, runs "/echo hello", and she and Joon (live, in his browser) see
 * the in-channel answer with the bot badge; "/whisper psst" answers her alone, marked "Only
 * visible to you", and Joon never sees it. Screenshots of the Commands panel, the suggestions
 * and an ephemeral answer in English and Korean at 1280 and 390 px
 * (target/browser-screenshots/commands-*.png).
 */
@ExtendWith(ArquillianExtension.class)
class CommandsBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private final Integrator integrator = new Integrator();

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @AfterEach
    void closeBrowsers() {
        integrator.close();
    }

    @Test
    void anAdminRegistersACommandAndItsAnswersReachTheChannelOrOnlyTheCaller() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(api, "Joon");
        String workspace = Chat.workspace(base, mina, joon);
        Browser minas = signedIn("mina", mina);
        Browser joons = signedIn("joon", joon);

        // Workspace settings → Commands: /echo, its secret shown once.
        minas.click("nav-settings");
        minas.visible("settings-commands");
        minas.type("command-word", "echo");
        minas.type("command-url", integrator.url("/in-channel"));
        minas.type("command-description", "Says it back in the channel");
        minas.type("command-usage", "[text]");
        minas.click("command-create");
        assertThat(minas.visible("command-secret").getDomProperty("value")).startsWith("whsec_");
        minas.awaitText("command-row-word", "/echo");
        Api.Reply whisper = api.post("/api/v1/workspaces/" + workspace + "/commands",
                json("word", "whisper", "url", integrator.url("/ephemeral"), "description", "Answers only you", "usage", "[text]"), mina.accessToken());
        assertThat(whisper.status()).as(whisper.toString()).isEqualTo(201);
        minas.sectionShots("commands-settings", "settings-commands", null);

        // Both read #general.
        openGeneral(minas);
        openGeneral(joons);

        // "/" suggests the workspace's commands.
        minas.type("chat-input", "/");
        minas.await("the command suggestions", d -> minas.all("command-option").size() == 2);
        minas.sectionShots("commands-autocomplete", "chat-input", () -> {
            minas.visible("chat-input").clear();
            minas.type("chat-input", "/");
            minas.await("the command suggestions", d -> minas.all("command-option").size() == 2);
        });
        minas.keys("ec");
        minas.await("only /echo", d -> minas.all("command-option").size() == 1);
        minas.keys(Keys.ENTER);
        assertThat(minas.visible("chat-input").getDomProperty("value")).isEqualTo("/echo ");
        minas.keys("hello" + Keys.ENTER);

        // The in-channel answer: in both browsers, Joon's live, with the bot badge.
        for (Browser browser : List.of(minas, joons)) {
            browser.await("the command's answer", d -> browser.all("chat-text").stream().anyMatch(e -> e.getText().equals("You said: hello")));
        }
        // The list redraws when the member directory is read again: read the badge inside a wait, which retries a stale one.
        joons.awaitText("chat-bot-badge", "Bot");
        // Shown as from the command: its bot is named /echo (the directory is read again for a sender it did not know).
        joons.await("the command's name", d -> joons.all("chat-sender").stream().anyMatch(e -> e.getText().equals("/echo")));
        assertThat(minas.all("chat-text").stream().noneMatch(e -> e.getText().contains("/echo"))).as("the command itself is not posted").isTrue();

        // An ephemeral answer: for Mina alone.
        minas.type("chat-input", "/whisper psst" + Keys.ENTER);
        minas.awaitText("chat-ephemeral-text", "Just for you: psst");
        assertThat(minas.textOf("chat-ephemeral-badge")).isEqualTo("Only visible to you");
        // An unknown command tells her so, and posts nothing.
        minas.type("chat-input", "/nosuch thing" + Keys.ENTER);
        minas.await("the unknown-command notice", d -> minas.all("chat-ephemeral-text").stream()
                .anyMatch(e -> e.getText().startsWith("/nosuch is not a command of this workspace")));
        minas.sectionShots("commands-ephemeral", "chat-ephemeral", null);
        // "//" posts the text literally.
        minas.type("chat-input", "//shrug" + Keys.ENTER);
        joons.await("the literal text", d -> joons.all("chat-text").stream().anyMatch(e -> e.getText().equals("/shrug")));
        assertThat(joons.all("chat-ephemeral")).as("Joon never sees Mina's ephemeral answers").isEmpty();
        assertThat(joons.all("chat-text").stream().noneMatch(e -> e.getText().contains("psst") || e.getText().contains("nosuch"))).isTrue();

        // Dismissed, the notes are gone.
        while (!minas.all("chat-ephemeral-dismiss").isEmpty()) {
            minas.all("chat-ephemeral-dismiss").get(0).click();
        }
        assertThat(minas.all("chat-ephemeral")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private static void openGeneral(Browser browser) {
        browser.script("window.scrollTo(0, 0)");
        browser.await("#general in the sidebar", d -> !browser.all("channel-link").isEmpty());
        browser.await("a click on general", d -> {
            browser.all("channel-link").stream().filter(l -> l.getText().contains("general")).findFirst().orElseThrow().click();
            return true;
        });
        browser.awaitText("chat-title", "# general");
    }

    private Browser signedIn(String who, SignedIn account) throws IOException {
        return browsers.signedIn(who, base, account.email());
    }
}
