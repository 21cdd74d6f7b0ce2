package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Mentions people type, and the plan figures the app shows, in real browsers: Ann types "@Be" (and
 * a Hangul part of Ben's name) in the board's chat and in a card comment, picks Ben with the
 * keyboard from the picker (only people who can read the board are offered), and Ben gets exactly
 * one notification per mention and sees his name highlighted; a mention of Cara, a guest who is not
 * on the board, notifies nobody and the writer is told so. The computed layout of the chat (not a
 * numbered list, the composer at the bottom, the bell's dropdown inside the window at 1280 and 390
 * px), the plan page and the Files page agreeing on storage, and a declined test card reported as
 * declined with a retry that then succeeds. The picker's people endpoints answer 404 to anyone who
 * cannot read the board or channel.
 *
 * <p>Screenshots (English and Korean, 1280 and 390 px) land in target/browser-screenshots as
 * mentions-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class MentionsBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;


    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void pickedMentionsNotifyOnceAndAMentionOfSomeoneOffTheBoardIsToldToTheWriter() throws Exception {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Ann Writer");
        SignedIn ben = Accounts.signUp(new Api(base), "Ben 박서준");
        SignedIn cara = Accounts.signUp(new Api(base), "Cara Guest");
        String workspace = Chat.workspace(base, ann, ben);
        Chat.join(base, ann, workspace, cara, "GUEST");
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = created(api.post(boards, Api.json("name", "Launch"), ann.accessToken())).getString("id");
        String list = created(api.post(boards + "/" + board + "/lists", Api.json("name", "To do"), ann.accessToken())).getString("id");
        created(api.post(boards + "/" + board + "/cards", Api.json("listId", list, "title", "Press kit"), ann.accessToken()));
        readAll(api, ann);
        readAll(api, ben);
        readAll(api, cara); // her invitation

        Browser anns = signedIn("ann", ann);
        Browser bens = signedIn("ben", ben);
        openBoard(anns, "Launch");
        openBoard(bens, "Launch");

        // Chat: "@Be" offers Ben (Cara, a guest off the board, is never offered); Enter picks him.
        anns.click("board-chat-toggle");
        anns.awaitText("chat-title", "# Launch");
        assertChatLayout(anns);
        anns.type("chat-input", "@Be");
        anns.awaitText("chat-suggestion", "Ben 박서준");
        assertThat(optionNames(anns, "chat-suggestion")).containsExactly("Ben 박서준");
        shots(anns, "mentions-picker-chat");
        anns.keys(Keys.ENTER);
        anns.keys("the deck is ready" + Keys.ENTER);
        anns.await("the message sent", d -> anns.all("chat-text").stream().anyMatch(e -> e.getText().equals("@Ben 박서준 the deck is ready")));

        // A Hangul part of his name finds him too; the arrow keys move, Escape closes.
        anns.type("chat-input", "@서준");
        anns.awaitText("chat-suggestion", "Ben 박서준");
        anns.keys(Keys.ESCAPE);
        anns.await("the picker closed", d -> anns.all("chat-suggestion").stream().noneMatch(WebElement::isDisplayed));
        anns.visible("chat-input").clear();

        // Typed without the picker, the name of someone who cannot read the channel (Cara, a guest
        // off the board): the message goes, the mention notifies nobody, and Ann is told so.
        anns.type("chat-input", "@Cara Guest the deck is out");
        anns.keys(Keys.ESCAPE);
        anns.keys(Keys.ENTER);
        // The server says so in the send's acknowledgement (ChatIT proves the frame and the REST answer).
        anns.awaitText("chat-mention-not-delivered", "Cara Guest was not notified: they can't read this conversation.");
        shots(anns, "mentions-not-delivered-chat");

        bens.awaitText("bell-count", "1");
        bens.click("board-chat-toggle");
        bens.await("his name highlighted", d -> bens.all("mention-me").stream().anyMatch(e -> e.getText().equals("@Ben 박서준")));
        shots(bens, "mentions-rendered-chat");

        // A card comment: "@Be", Down/Up, Enter inserts the stored form; Ben is notified once.
        anns.click("card");
        anns.awaitText("card-dialog-title", "Press kit");
        anns.type("comment-input", "@Be");
        anns.awaitText("mention-option", "Ben 박서준");
        anns.keys(Keys.ARROW_DOWN);
        anns.keys(Keys.ARROW_UP);
        shots(anns, "mentions-picker-card");
        anns.keys(Keys.ENTER);
        assertThat(anns.visible("comment-input").getDomProperty("value")).isEqualTo("@[Ben 박서준](" + ben.id() + ") ");
        anns.keys("please check");
        anns.click("comment-submit");
        anns.await("the comment with the highlighted name",
                d -> anns.all("comment-body").stream().anyMatch(e -> e.getText().equals("@Ben 박서준 please check")));
        assertThat(anns.all("mention-not-delivered")).isEmpty();
        bens.awaitText("bell-count", "2");

        // Editing the comment without a new mention notifies nobody again.
        anns.click("comment-edit");
        anns.visible("comment-edit-input").sendKeys(" today");
        anns.click("comment-edit-save");
        anns.await("the edited comment", d -> anns.all("comment-body").stream().anyMatch(e -> e.getText().endsWith("please check today")));

        // Cara cannot read the board: a mention of her (pasted in the stored form) notifies nobody, and Ann is told.
        anns.type("comment-input", "ask @[Cara Guest](" + cara.id() + ") too");
        anns.click("comment-submit");
        anns.awaitText("mention-not-delivered",
                "Not notified: Cara Guest cannot read this board, so the mention is plain text for them.");
        anns.script("arguments[0].scrollIntoView({block: 'center'})", anns.visible("mention-not-delivered"));
        shots(anns, "mentions-not-delivered");
        assertThat(unread(api, cara)).as("Cara's unread notifications").isZero();
        assertThat(unread(api, ben)).as("Ben: one for the chat mention, one for the comment, none for the edit").isEqualTo(2);
        bens.awaitText("bell-count", "2");
        assertBellInside(bens);
    }

    @Test
    void thePlanAndFilesAgreeOnStorageAndADeclinedCardCanBeRetried() throws Exception {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Plan Owner");
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Plan 팀"), owner.accessToken())).getString("id");
        Browser browser = signedIn("owner", owner);

        browser.click("nav-files");
        browser.awaitText("page-title", "Files");
        // The tests' server has a 10 MiB storage ceiling (pom.xml): both pages show the plan lowered to it.
        String quota = filesQuota(browser);
        assertThat(quota).isEqualTo("10 MiB");
        shots(browser, "mentions-files-usage");
        browser.click("nav-billing");
        browser.awaitText("billing-plan-name", "Free");
        assertThat(limitValue(browser, "STORAGE_BYTES")).isEqualTo("0 B / " + quota);
        shots(browser, "mentions-plan");

        // A declined test card: the app says declined, with the provider's reason, and offers a retry.
        browser.click("billing-upgrade");
        browser.await("the sandbox checkout page", d -> d.getCurrentUrl().contains("/api/v1/billing/sandbox/checkouts/"));
        browser.type("card-number", "4000 0000 0000 0002");
        browser.click("pay");
        browser.visible("declined");
        browser.driver().findElement(org.openqa.selenium.By.linkText("Back to Moim")).click();
        browser.awaitState("signed-in");
        browser.await("the decline explained", d -> "declined".equals(d.findElement(Browser.testId("billing-status")).getDomAttribute("data-outcome")));
        assertThat(browser.textOf("billing-status")).contains("The payment was declined: the card was declined by its bank.")
                .doesNotContain("cancelled");
        shots(browser, "mentions-declined");
        browser.click("billing-retry");
        browser.await("the sandbox checkout page again", d -> d.getCurrentUrl().contains("/api/v1/billing/sandbox/checkouts/"));
        browser.type("card-number", "4242 4242 4242 4242");
        browser.click("pay");
        browser.awaitState("signed-in");
        browser.awaitText("billing-plan-name", "Premium");
        String premium = limitValue(browser, "STORAGE_BYTES");
        assertThat(premium).isEqualTo("0 B / 10 MiB").as("Premium's 100 GiB lowered to the server's ceiling");
        browser.click("nav-files");
        browser.awaitText("page-title", "Files");
        assertThat(filesQuota(browser)).isEqualTo("10 MiB");
    }

    @Test
    void thePickersPeopleAreOnlyForThoseWhoReadTheBoardOrChannel() throws IOException {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Reader Ann");
        SignedIn ben = Accounts.signUp(new Api(base), "Reader Ben");
        SignedIn guest = Accounts.signUp(new Api(base), "Off Board");
        SignedIn stranger = Accounts.signUp(new Api(base), "Stranger");
        String workspace = Chat.workspace(base, ann, ben);
        Chat.join(base, ann, workspace, guest, "GUEST");
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = created(api.post(boards, Api.json("name", "Plans"), ann.accessToken())).getString("id");
        String channel = api.get("/api/v1/workspaces/" + workspace + "/channels/boards/" + board, ann.accessToken()).json().getString("id");

        Api.Reply readers = api.get(boards + "/" + board + "/readers", ben.accessToken());
        assertThat(readers.status()).isEqualTo(200);
        assertThat(names(readers.items())).containsExactly("Reader Ann", "Reader Ben");
        Api.Reply channelReaders = api.get("/api/v1/channels/" + channel + "/readers", ann.accessToken());
        assertThat(channelReaders.status()).isEqualTo(200);
        assertThat(names(channelReaders.items())).containsExactly("Reader Ann", "Reader Ben");

        for (SignedIn outsider : List.of(guest, stranger)) {
            Api.Reply foreignBoard = api.get(boards + "/" + board + "/readers", outsider.accessToken());
            assertThat(foreignBoard.status()).as(foreignBoard.toString()).isEqualTo(404);
            assertThat(foreignBoard.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            Api.Reply foreignChannel = api.get("/api/v1/channels/" + channel + "/readers", outsider.accessToken());
            assertThat(foreignChannel.status()).as(foreignChannel.toString()).isEqualTo(404);
        }
    }

    // ------------------------------------------------------------------------------------------

    private Browser signedIn(String who, SignedIn account) throws IOException {
        return browsers.signedIn(who, base, account.email());
    }

    private static void openBoard(Browser browser, String name) {
        browser.click("nav-boards");
        browser.await("the board " + name, d -> browser.all("board-name").stream().anyMatch(e -> e.getText().equals(name)));
        browser.all("board-tile").stream().filter(e -> e.getText().contains(name)).findFirst().orElseThrow()
                .findElement(org.openqa.selenium.By.cssSelector("a.board-tile-link")).click();
        browser.awaitText("board-title", name);
    }

    private static List<String> optionNames(Browser browser, String testId) {
        return browser.all(testId).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    /** Messages are no numbered list; the composer sits at the bottom of the chat panel. */
    private static void assertChatLayout(Browser browser) {
        Object layout = browser.script("""
                const list = document.querySelector("[data-testid='chat-messages']");
                const panel = document.querySelector("[data-testid='chat-panel']");
                const composer = document.querySelector("[data-testid='chat-composer']");
                const style = getComputedStyle(list);
                const p = panel.getBoundingClientRect(), c = composer.getBoundingClientRect();
                return [style.listStyleType, style.paddingInlineStart, Math.round(p.bottom - c.bottom), Math.round(c.top - p.top), Math.round(p.height)];""");
        List<?> values = (List<?>) layout;
        assertThat(values.get(0)).as("chat messages' list-style-type").isEqualTo("none");
        assertThat(((Number) values.get(2)).doubleValue()).as("gap under the composer").isBetween(0.0, 24.0);
        assertThat(((Number) values.get(3)).doubleValue()).as("the composer in the lower part of the panel")
                .isGreaterThan(((Number) values.get(4)).doubleValue() / 2);
    }

    /** The bell's dropdown lies inside the window at 1280 and 390 px. */
    private static void assertBellInside(Browser browser) {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        for (int width : List.of(1280, 390)) {
            window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
            if (browser.all("bell-panel").stream().noneMatch(WebElement::isDisplayed)) {
                browser.click("bell");
            }
            browser.visible("bell-panel");
            List<?> box = (List<?>) browser.script("""
                    const panel = document.querySelector("[data-testid='bell-panel']");
                    const r = panel.getBoundingClientRect();
                    const onTop = panel.contains(document.elementFromPoint((r.left + r.right) / 2, r.top + 20));
                    return [r.left, r.right, r.top, document.documentElement.clientWidth, onTop];""");
            assertThat(box.get(4)).as("the bell panel on top of the page at %d px (not covered)", width).isEqualTo(true);
            assertThat(((Number) box.get(0)).doubleValue()).as("bell panel left at %d px", width).isGreaterThanOrEqualTo(0);
            assertThat(((Number) box.get(1)).doubleValue()).as("bell panel right at %d px", width)
                    .isLessThanOrEqualTo(((Number) box.get(3)).doubleValue());
            assertThat(((Number) box.get(2)).doubleValue()).as("bell panel top at %d px", width).isGreaterThanOrEqualTo(0);
            try {
                Files.createDirectories(Browser.SCREENSHOTS);
                Files.write(Browser.SCREENSHOTS.resolve("mentions-bell-" + width + ".png"),
                        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            browser.click("bell");
            browser.await("the bell panel closed", d -> browser.all("bell-panel").stream().noneMatch(WebElement::isDisplayed));
        }
        window.setSize(wide);
    }

    /** The window in English and Korean, 1280 and 390 px, as {name}-{en|ko}-{width}.png; ends as it began. */
    private static void shots(Browser browser, String name) throws IOException {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        Files.createDirectories(Browser.SCREENSHOTS);
        String first = browser.htmlLang();
        for (String language : List.of(first, "en".equals(first) ? "ko" : "en")) {
            if (!language.equals(browser.htmlLang())) {
                browser.script("document.querySelector(\"[data-testid='lang-" + language + "']\").click()");
                browser.await("the page in " + language, d -> language.equals(browser.htmlLang()));
            }
            for (int width : List.of(1280, 390)) {
                window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
                Files.write(Browser.SCREENSHOTS.resolve(name + "-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            }
            window.setSize(wide);
        }
        if (!first.equals(browser.htmlLang())) {
            browser.script("document.querySelector(\"[data-testid='lang-" + first + "']\").click()");
            browser.await("the page in " + first + " again", d -> first.equals(browser.htmlLang()));
        }
    }

    /** The quota in the Files page's usage line ("0 B of 10 MiB used · 0 files"). */
    private static String filesQuota(Browser browser) {
        String usage = browser.await("the storage usage", d -> {
            String text = d.findElement(Browser.testId("files-usage")).getText();
            return text.isBlank() ? null : text;
        });
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" of (.+) used").matcher(usage);
        assertThat(m.find()).as(usage).isTrue();
        return m.group(1);
    }

    private static String limitValue(Browser browser, String limit) {
        return browser.all("billing-limit").stream()
                .filter(row -> limit.equals(row.getDomAttribute("data-limit")))
                .map(row -> row.findElement(Browser.testId("billing-limit-value")).getText())
                .findFirst().orElse(null);
    }

    private static List<String> names(JsonArray people) {
        return people.getValuesAs(JsonObject.class).stream().map(p -> p.getString("displayName")).toList();
    }

    private static JsonObject created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static void readAll(Api api, SignedIn who) {
        assertThat(api.post("/api/v1/me/notifications/read-all", Api.json(), who.accessToken()).status()).isEqualTo(200);
    }

    private static int unread(Api api, SignedIn who) {
        return api.get("/api/v1/me/notifications/unread-count", who.accessToken()).json().getInt("unreadCount");
    }
}
