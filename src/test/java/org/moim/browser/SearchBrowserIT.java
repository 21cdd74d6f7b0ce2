package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.moim.it.WsClient;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Finding things in a browser: the header's search box opens a message (scrolled to and
 * highlighted in its conversation) and a card (its dialog on its board); Ctrl+K and "/" open the
 * quick switcher that jumps to a board; a new person lands on first steps and creates a workspace
 * from there. Screenshots of the results, the switcher and first steps, in English and Korean, at
 * 1280 and 390 px, land in target/browser-screenshots/search-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class SearchBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    Browser browser;
    String testName;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        browser = browsers.start("user");
    }

    private Api api() {
        return new Api(base);
    }

    private void signIn(String email) {
        browser.signIn(base, email);
    }

    private String board(SignedIn owner, String workspace, String name) {
        return api().post("/api/v1/workspaces/" + workspace + "/boards", json("name", name), owner.accessToken()).json().getString("id");
    }

    private String card(SignedIn owner, String workspace, String board, String title) {
        String boards = "/api/v1/workspaces/" + workspace + "/boards/" + board;
        String list = api().post(boards + "/lists", json("name", "Todo"), owner.accessToken()).json().getString("id");
        return api().post(boards + "/cards", json("listId", list, "title", title, "description", ""), owner.accessToken())
                .json().getString("id");
    }

    /** The four screenshots of one state: English and Korean, 1280 and 390 px; {@code show} brings the state back after each change. */
    private void screenshots(String name, Runnable show) {
        for (String lang : List.of("en", "ko")) {
            for (int width : List.of(1280, 390)) {
                browser.driver().manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                browser.script("document.activeElement && document.activeElement.blur && document.activeElement.blur();"
                        + "document.querySelectorAll('dialog[open]').forEach(d => d.close());");
                if (!lang.equals(browser.htmlLang())) {
                    browser.click("lang-" + lang);
                    browser.await("the page in " + lang, d -> lang.equals(browser.htmlLang()));
                }
                show.run();
                browser.screenshot("search-" + name + "-" + lang + "-" + width);
            }
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.script("document.querySelectorAll('dialog[open]').forEach(d => d.close());");
        if (!"en".equals(browser.htmlLang())) {
            browser.click("lang-en");
        }
    }

    /** Ctrl held down while k is pressed, as a person does it. */
    private void ctrlK() {
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
    }

    private void searchFor(String text) {
        browser.click("search-input"); // clickable: enabled once the workspace is known
        WebElement input = browser.visible("search-input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        browser.visible("search-results");
    }

    @Test
    void aPersonSearchesFromTheHeaderAndOpensAMessageAndACard() throws Exception {
        SignedIn ann = Accounts.signUp(api(), "Ann Finder");
        SignedIn ben = Accounts.signUp(api(), "Ben Finder");
        String workspace = Chat.workspace(base, ann, ben);
        String board = board(ann, workspace, "Launch board");
        String cardId = card(ann, workspace, board, "분기 회의록 카드");
        String channel = Chat.direct(base, workspace, ann, ben);
        WsClient socket = Chat.connect(base, ben);
        long wanted = Chat.send(socket, channel, "The 회의록 draft is ready", null).getJsonNumber("sequence").longValue();
        for (int i = 0; i < 60; i++) {
            Chat.send(socket, channel, "filler message number " + i, null);
        }
        socket.close();

        signIn(ann.email());
        searchFor("의록");
        browser.visible("search-group-messages");
        browser.visible("search-group-cards");
        assertThat(browser.all("search-hit-messages")).hasSize(1);
        assertThat(browser.all("search-hit-messages").get(0).getText()).contains("The 회의록 draft is ready", "Ben Finder");
        screenshots("results", () -> searchFor("의록"));

        searchFor("의록");
        browser.visible("search-hit-messages");
        browser.script("window.__highlighted = null; new MutationObserver((changes) => changes.forEach((c) => {"
                + " if (!window.__highlighted && c.target.classList && c.target.classList.contains('chat-msg-highlight'))"
                + " window.__highlighted = c.target.textContent; })).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['class']});");
        browser.keys(Keys.ARROW_DOWN, Keys.ENTER);
        browser.await("the conversation at message " + wanted, d -> d.getCurrentUrl().contains("/chat/" + channel));
        String highlighted = browser.await("a highlighted message", d -> (String) browser.script("return window.__highlighted"));
        assertThat(highlighted).contains("The 회의록 draft is ready");
        Boolean inView = (Boolean) browser.script("const m = [...document.querySelectorAll('[data-testid=chat-message]')]"
                + ".find(e => e.textContent.includes('The 회의록 draft')); const r = m.getBoundingClientRect();"
                + " const list = document.querySelector('[data-testid=chat-messages]').getBoundingClientRect();"
                + " return r.bottom > list.top && r.top < list.bottom;");
        assertThat(inView).as("scrolled to the message, 60 newer ones below it").isTrue();

        searchFor("회의록 카");
        // The results list redraws as the search settles: the click is retried on a fresh hit.
        browser.await("a click on the card hit", d -> {
            browser.visible("search-hit-cards").click();
            return true;
        });
        browser.await("the card's dialog on its board", d -> d.getCurrentUrl().contains("/boards/" + board) && d.getCurrentUrl().contains("card=" + cardId));
        assertThat(browser.visible("card-title-input").getAttribute("value")).isEqualTo("분기 회의록 카드");
        assertThat(browser.textOf("board-title")).isEqualTo("Launch board");
    }

    @Test
    void ctrlKAndSlashOpenTheQuickSwitcherWhichJumpsToABoard() {
        SignedIn ann = Accounts.signUp(api(), "Ann Jumper");
        String workspace = Chat.workspace(base, ann);
        board(ann, workspace, "Alpha board");
        String roadmap = board(ann, workspace, "Roadmap 2027 로드맵");
        signIn(ann.email());
        browser.visible("board-list");

        ctrlK();
        browser.visible("quick-switcher");
        browser.await("boards, conversations and workspaces in the switcher", d -> browser.all("quick-switcher-item").size() >= 3);
        screenshots("switcher", () -> {
            if (browser.all("quick-switcher").stream().noneMatch(WebElement::isDisplayed)) {
                ctrlK();
            }
            browser.visible("quick-switcher-item");
        });
        browser.script("document.querySelectorAll('dialog[open]').forEach(d => d.close());");

        ctrlK();
        browser.visible("quick-switcher-input").sendKeys("로드");
        browser.await("only the roadmap", d -> browser.all("quick-switcher-item").size() == 1);
        browser.keys(Keys.ENTER);
        browser.await("the roadmap board", d -> d.getCurrentUrl().endsWith("/boards/" + roadmap));
        browser.awaitText("board-title", "Roadmap 2027 로드맵");

        browser.keys("/");
        browser.visible("quick-switcher-input");
        browser.await("the recent board first", d -> !browser.all("quick-switcher-item").isEmpty()
                && browser.all("quick-switcher-item").get(0).getText().contains("Roadmap 2027"));
        browser.keys(Keys.ESCAPE);
        browser.await("the switcher closed", d -> browser.all("quick-switcher").isEmpty());
    }

    @Test
    void aNewPersonSeesFirstStepsAndCreatesAWorkspaceFromThem() {
        browser.open(base.toString());
        browser.awaitState("signed-out");
        browser.click("show-register");
        browser.type("register-name", "Nia Newcomer");
        browser.type("register-email", Api.newEmail("first-steps"));
        browser.type("register-password", Accounts.PASSWORD);
        browser.click("register-submit");
        browser.awaitState("signed-in");
        browser.visible("first-steps");
        assertThat(browser.textOf("page-title")).isEqualTo("Welcome, Nia Newcomer");
        screenshots("first-steps", () -> browser.visible("first-steps"));

        browser.type("first-step-link", "not a link");
        browser.click("first-step-link-submit");
        assertThat(browser.awaitAnyText("first-step-link-error")).contains("not an invite link");

        browser.click("first-step-create-link");
        browser.type("new-workspace-name", "Nia's team");
        browser.click("new-workspace-submit");
        browser.await("the new workspace's boards", d -> d.getCurrentUrl().contains("/boards"));
        browser.await("the new workspace in the navigation", d -> "Nia's team".equals(
                browser.script("return document.querySelector('[data-testid=nav-workspace-name]')?.textContent")));

        browser.click("nav-profile");
        browser.await("the profile", d -> d.getCurrentUrl().endsWith("#/profile"));
        assertThat(browser.visible("nav-workspace-name").getText()).as("Profile keeps the workspace navigation").isEqualToIgnoringCase("Nia's team");
        assertThat(browser.visible("nav-boards").isDisplayed()).isTrue();
    }
}
