package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The keyword bot in two browsers: Mina (the owner) makes two rules in workspace settings →
 * Keyword bot (one a "talk to a person" handover) and picks herself as responder; Joon types the
 * keyword in #general and both see the bot's reply live with the Bot badge; then he asks for a
 * person (in Korean), Mina takes it from her bell and both see "Taken by Mina". Screenshots of the
 * panel, the chat and the bell in English and Korean at 1280 and 390 px
 * (target/browser-screenshots/keyword-bot-*.png).
 */
@ExtendWith(ArquillianExtension.class)
class KeywordBotBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;


    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void anAdminMakesARuleAndBothSeeTheBotAnswerThenAPersonTakesOver() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(api, "Joon");
        String workspace = Chat.workspace(base, mina, joon);
        Browser minas = signedIn("mina", mina);
        Browser joons = signedIn("joon", joon);

        // Workspace settings → Keyword bot: a rule, a handover rule, Mina as responder.
        minas.click("nav-settings");
        minas.visible("settings-keyword-bot");
        minas.await("the channel choices", d -> !minas.all("keyword-channel-choices").isEmpty());
        minas.type("keyword-keywords", "opening hours, 영업시간");
        minas.type("keyword-reply", "We open at 9. 오전 9시에 엽니다.");
        minas.click("keyword-save");
        minas.await("the first rule", d -> minas.all("keyword-rule").size() == 1);
        minas.type("keyword-keywords", "agent, 상담원");
        minas.type("keyword-reply", "A person will be with you shortly. 곧 담당자가 옵니다.");
        minas.click("keyword-handover");
        minas.click("keyword-save");
        minas.await("the handover rule", d -> minas.all("keyword-rule").size() == 2);
        minas.await("the responder choices", d -> !minas.all("keyword-responder-choices").isEmpty());
        WebElement me = minas.visible("keyword-responder-choices").findElements(org.openqa.selenium.By.cssSelector("input")).stream()
                .filter(i -> i.getDomProperty("value").equals(mina.id())).findFirst().orElseThrow();
        me.click();
        minas.click("keyword-responders-save");
        minas.await("the responders saved", d -> api.get("/api/v1/workspaces/" + workspace + "/keyword-bot", mina.accessToken())
                .json().getJsonArray("responderIds").size() == 1);
        // A bad rule: the form says what is wrong.
        minas.type("keyword-keywords", "!!");
        minas.type("keyword-reply", "Nothing");
        minas.click("keyword-save");
        minas.await("the problem", d -> !minas.textOf("keyword-error").isBlank());
        minas.visible("keyword-keywords").clear();
        minas.visible("keyword-reply").clear();
        minas.visible("keyword-error");
        assertThat(minas.textOf("keyword-error")).startsWith("Each keyword needs a letter or digit");
        assertThat(minas.all("keyword-rule").stream().map(WebElement::getText)).noneMatch(t -> t.contains("=>"));
        minas.sectionShots("keyword-bot-settings", "settings-keyword-bot", null);
        minas.sectionShots("keyword-bot-rules", "keyword-rules", null);

        openGeneral(minas);
        openGeneral(joons);
        joons.type("chat-input", "What are your opening hours?" + Keys.ENTER);
        for (Browser browser : List.of(minas, joons)) {
            browser.await("the bot's reply", d -> anyText(browser, "chat-text", t -> t.equals("We open at 9. 오전 9시에 엽니다.")));
            browser.await("the Bot badge", d -> anyText(browser, "chat-bot-badge", "Bot"::equals));
        }
        joons.await("the bot's name", d -> anyText(joons, "chat-sender", "Keyword bot"::equals));

        // "Talk to a person", in Korean: the bot says a person will come, Mina's bell has it, she takes it.
        joons.type("chat-input", "상담원 연결해 주세요" + Keys.ENTER);
        for (Browser browser : List.of(minas, joons)) {
            browser.await("the handover reply", d -> anyText(browser, "chat-text", t -> t.startsWith("A person will be with you shortly.")));
        }
        minas.sectionShots("keyword-bot-chat", "chat-input", null);
        minas.await("the bell's count", d -> minas.visible("bell-count").isDisplayed());
        minas.click("bell");
        minas.await("the take button", d -> !minas.all("bell-item-take").isEmpty());
        minas.sectionShots("keyword-bot-bell", "bell-item-take", () -> {
            if (minas.all("bell-item-take").isEmpty() || !minas.all("bell-item-take").get(0).isDisplayed()) {
                minas.click("bell");
                minas.await("the take button", d -> !minas.all("bell-item-take").isEmpty() && minas.all("bell-item-take").get(0).isDisplayed());
            }
        });
        // The bell's list is drawn again as notifications arrive or are read: click what is there now.
        minas.await("a click on Take it", d -> {
            try {
                if (minas.all("bell-item-take").isEmpty() || !minas.all("bell-item-take").get(0).isDisplayed()) {
                    minas.click("bell");
                    return false;
                }
                minas.all("bell-item-take").get(0).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.ElementNotInteractableException redrawn) {
                return false;
            }
        });
        for (Browser browser : List.of(minas, joons)) {
            browser.await("Taken by Mina", d -> anyText(browser, "chat-text", t -> t.startsWith("Taken by Mina")));
        }
    }

    /** Whether an element with the test id shows a text that passes; false while the list is being drawn again. */
    private static boolean anyText(Browser browser, String testId, java.util.function.Predicate<String> wanted) {
        try {
            return browser.all(testId).stream().anyMatch(e -> wanted.test(e.getText()));
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return false;
        }
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
