package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.openqa.selenium.WebElement;

/**
 * Moim on a phone (390×844, issue 15 item 5), used as a person would: Mina signs in and reaches
 * every main screen through the top bar's menu button (the side navigation as a drawer), in
 * English and then in Korean. On each screen the page never scrolls sideways and the screen's
 * main action is on the screen, not covered: the boards' "New board", the board's "Add card"
 * (its lists snap sideways), a conversation's composer and back button (board chat, workspace
 * channel, direct conversation, each over the whole screen below the top bar), the calendar's agenda (the phone's
 * default view) and "New event", the files' upload button, the gallery's filter, the settings'
 * and the profile's forms. A card dialog and the create-channel dialog fit the window. The
 * drawer opens and closes from the keyboard (aria-expanded, Escape, focus back on the button)
 * and closes on a tap outside it. Screenshots of every screen at 390 and 1280 px, English and
 * Korean: target/browser-screenshots/phone-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class PhoneBrowserIT {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void onAPhoneEveryMainScreenIsReachedFromTheMenuAndFitsTheScreen() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(api, "Joon");
        String workspace = Chat.workspace(base, mina, joon);
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = created(api.post(boards, json("name", "출시 계획 Launch plan"), mina.accessToken()));
        String todo = created(api.post(boards + "/" + board + "/lists", json("name", "할 일 To do"), mina.accessToken()));
        created(api.post(boards + "/" + board + "/lists", json("name", "진행 중 Doing"), mina.accessToken()));
        created(api.post(boards + "/" + board + "/lists", json("name", "완료 Done"), mina.accessToken()));
        created(api.post(boards + "/" + board + "/cards", json("listId", todo, "title", "보도 자료 초안 작성하기 Press kit draft"),
                mina.accessToken()));
        created(api.post("/api/v1/workspaces/" + workspace + "/channels", json("name", "general-talk", "isPrivate", false),
                mina.accessToken()));
        Chat.direct(base, workspace, mina, joon);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Reply event = api.post("/api/v1/workspaces/" + workspace + "/calendar/events", Json.createObjectBuilder()
                .add("title", "분기별 전체 회의 Quarterly all-hands").add("allDay", true).add("start", today).build(), mina.accessToken());
        assertThat(event.status()).as(event.toString()).isEqualTo(201);

        browser = browsers.start("mina");
        phone();
        browser.signIn(base, mina.email());

        drawerWorksFromTheKeyboardAndClosesOnATapOutside();

        for (String language : List.of("en", "ko")) {
            if (!language.equals(browser.htmlLang())) {
                browser.click("lang-" + language);
                browser.await("the page in " + language, d -> language.equals(browser.htmlLang()));
            }

            // The workspace's home: its boards.
            fromTheMenu("nav-boards");
            onScreen("new-board");
            shots("boards", language);

            // A board: its lists scroll sideways and snap; the first list's "Add card" is on the screen.
            browser.visible("board-tile").click();
            browser.visible("board-canvas");
            browser.await("the board's lists", d -> browser.all("card").size() == 1);
            onScreen("add-card");
            assertThat(browser.script("return getComputedStyle(document.querySelector(\"[data-testid='board-canvas']\")).scrollSnapType"))
                    .as("the lists' container snaps").asString().startsWith("x");
            assertThat(browser.script("return getComputedStyle(document.querySelector('.column')).scrollSnapAlign"))
                    .as("a list snaps to its start").asString().contains("start");
            assertThat((Boolean) browser.script("""
                    const canvas = document.querySelector("[data-testid='board-canvas']");
                    return canvas.scrollWidth > canvas.clientWidth;"""))
                    .as("three lists are wider than a phone: the container scrolls sideways, not the page").isTrue();
            shots("board", language);

            // A card's dialog fits the screen.
            browser.visible("card").click();
            browser.visible("card-dialog");
            fitsTheScreen("card-dialog");
            shots("card-dialog", language);
            browser.click("card-dialog-close");
            browser.await("the card dialog closed", d -> browser.all("card-dialog").isEmpty());

            // The board's chat over the whole screen; back returns to the board.
            browser.click("board-chat-toggle");
            browser.visible("chat-panel");
            conversationOnScreen();
            shots("board-chat", language);
            browser.click("chat-back");
            browser.await("the board's chat closed", d -> !browser.visible("board-chat-toggle").getDomAttribute("aria-expanded").equals("true"));
            onScreen("add-card");

            // A workspace channel from the menu.
            fromTheMenu("channel-link");
            browser.visible("chat-panel");
            conversationOnScreen();
            shots("channel", language);

            // Back to the conversations, and the direct one.
            browser.click("chat-back");
            browser.visible("conversation-list");
            onScreen("chat-new");
            browser.await("the direct conversation with Joon listed", d -> browser.all("conversation").stream()
                    .filter(c -> c.getText().contains("Joon")).findFirst().orElse(null));
            shots("conversations", language);
            // Clicked until it opens (a list drawn again may swallow a click); once open, the list is
            // hidden behind the conversation, so the title is checked before anything is clicked.
            browser.await("the conversation with Joon opened", d -> {
                String title = browser.textOf("chat-title");
                if (title != null && title.contains("Joon")) {
                    return true;
                }
                browser.all("conversation").stream().filter(c -> c.isDisplayed() && c.getText().contains("Joon")).findFirst()
                        .ifPresent(WebElement::click);
                return false;
            });
            browser.visible("chat-panel");
            conversationOnScreen();
            shots("direct", language);
            // Back to the list, as on any phone app.
            browser.click("chat-back");
            browser.visible("conversation-list");

            // The calendar: on a phone its agenda (today's meeting listed), "New event" on the screen.
            fromTheMenu("nav-calendar");
            browser.visible("calendar-agenda-list");
            assertThat(browser.visible("calendar-agenda").getDomAttribute("aria-pressed")).isEqualTo("true");
            browser.await("today's meeting in the agenda", d -> browser.all("calendar-event").size() == 1);
            assertThat(browser.textOf("calendar-event")).contains("Quarterly all-hands");
            onScreen("calendar-new-event");
            onScreen("calendar-event");
            shots("calendar-agenda", language);
            // The month can be chosen on a phone too, and fits it.
            browser.click("calendar-month");
            browser.visible("calendar-month-grid");
            noSidewaysScroll("calendar month");
            assertThat((Boolean) browser.script("""
                    const wrap = document.querySelector("[data-testid='calendar-grid']");
                    return wrap.scrollWidth <= wrap.clientWidth;"""))
                    .as("the month grid fits its frame").isTrue();
            shots("calendar-month", language);
            browser.click("calendar-agenda");
            browser.visible("calendar-agenda-list");

            // Files: the upload button.
            fromTheMenu("nav-files");
            onScreen(By.cssSelector("label[for='files-input']"), "the upload button");
            shots("files", language);

            // The gallery: its filter.
            fromTheMenu("nav-gallery");
            onScreen("gallery-scope");
            shots("gallery", language);

            // The workspace's settings: its form.
            fromTheMenu("nav-settings");
            onScreen("settings-form");
            shots("settings", language);

            // The profile: its form.
            fromTheMenu("nav-profile");
            onScreen("profile-form");
            shots("profile", language);

            // The create-channel dialog, opened from the menu, fits the screen.
            openMenu();
            browser.click("channel-create");
            browser.visible("channel-new-dialog");
            fitsTheScreen("channel-new-dialog");
            shots("channel-new-dialog", language);
            browser.click("channel-new-dialog-close");
            browser.await("the channel dialog closed", d -> browser.all("channel-new-dialog").isEmpty());
        }
    }

    /** The menu button from the keyboard: Enter opens (aria-expanded), focus is in the drawer, Escape closes and focus returns; a tap outside closes. */
    private void drawerWorksFromTheKeyboardAndClosesOnATapOutside() {
        WebElement button = browser.visible("menu-button");
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(isHidden()).as("the closed drawer is out of reach").isTrue();
        button.sendKeys(Keys.ENTER);
        browser.await("the drawer open", d -> "true".equals(browser.visible("menu-button").getDomAttribute("aria-expanded")) && !isHidden());
        assertThat((Boolean) browser.script("return document.getElementById('sidenav').contains(document.activeElement)"))
                .as("focus moves into the drawer").isTrue();
        browser.screenshot("phone-menu-en-390");
        browser.keys(Keys.ESCAPE);
        browser.await("the drawer closed by Escape", d -> "false".equals(browser.visible("menu-button").getDomAttribute("aria-expanded")) && isHidden());
        assertThat(browser.focused().getDomAttribute("data-testid")).as("focus back on the menu button").isEqualTo("menu-button");
        openMenu();
        // A tap on the page beside the drawer.
        new org.openqa.selenium.interactions.Actions(browser.driver()).moveToLocation(370, 600).click().perform();
        browser.await("the drawer closed by a tap outside", d -> "false".equals(browser.visible("menu-button").getDomAttribute("aria-expanded")) && isHidden());
    }

    private boolean isHidden() {
        return (Boolean) browser.script("return getComputedStyle(document.getElementById('sidenav')).visibility === 'hidden'");
    }

    private void openMenu() {
        browser.click("menu-button");
        browser.await("the drawer open and still", d -> "true".equals(browser.visible("menu-button").getDomAttribute("aria-expanded"))
                && (Boolean) browser.script("""
                        const nav = document.getElementById('sidenav');
                        return getComputedStyle(nav).visibility === 'visible' && Math.abs(nav.getBoundingClientRect().left) < 1;"""));
    }

    /** Opens the menu, follows one of its links; the drawer closes. */
    private void fromTheMenu(String testId) {
        openMenu();
        browser.click(testId);
        browser.await("the drawer closed after " + testId, d -> "false".equals(browser.visible("menu-button").getDomAttribute("aria-expanded")) && isHidden());
        noSidewaysScroll(testId);
    }

    private void noSidewaysScroll(String where) {
        browser.await(where + ": the page no wider than the window (" + browser.script(
                "return document.scrollingElement.scrollWidth + ' > ' + document.scrollingElement.clientWidth") + ")",
                d -> (Boolean) browser.script("return document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
    }

    private void onScreen(String testId) {
        onScreen(Browser.testId(testId), testId);
    }

    /** The element is inside the window and nothing covers its middle. */
    private void onScreen(By by, String what) {
        browser.await(() -> what + " on the screen, uncovered (" + placeOf(by) + ")", d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && (Boolean) browser.script("""
                    const e = arguments[0];
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) return false;
                    if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) return false;
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return hit !== null && (e.contains(hit) || hit.contains(e));""", found.getFirst());
        });
    }

    private String placeOf(By by) {
        List<WebElement> found = browser.driver().findElements(by);
        if (found.isEmpty()) {
            return "not there";
        }
        return String.valueOf(browser.script("""
                const r = arguments[0].getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${innerWidth}×${innerHeight}, `
                    + `middle shows ${hit ? hit.outerHTML.slice(0, 60) : 'nothing'}`;""", found.getFirst()));
    }

    /** A conversation over the whole screen: its back button and composer on it, the page not scrolling sideways. */
    private void conversationOnScreen() {
        onScreen("chat-back");
        onScreen("chat-input");
        onScreen("chat-send");
        assertThat((Boolean) browser.script("""
                const panel = [...document.querySelectorAll("[data-testid='chat-panel']")].find((p) => p.offsetParent);
                const r = panel.getBoundingClientRect();
                const below = document.querySelector('.topbar').getBoundingClientRect().bottom;
                return r.left <= 0.5 && r.top <= below + 0.5 && r.right >= innerWidth - 0.5 && r.bottom >= innerHeight - 0.5;"""))
                .as("the conversation covers the whole screen below the top bar").isTrue();
        onScreen("bell");
        noSidewaysScroll("conversation");
    }

    /** The open dialog inside the window, nothing past its sides; what is taller than the window scrolls inside it. */
    private void fitsTheScreen(String testId) {
        WebElement dialog = browser.visible(testId);
        String problem = (String) browser.script("""
                const d = arguments[0];
                const r = d.getBoundingClientRect();
                const out = [];
                if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) out.push(`dialog at ${r.left},${r.top}–${r.right},${r.bottom}`);
                if (d.scrollWidth > d.clientWidth) out.push(`content ${d.scrollWidth} wide in ${d.clientWidth}`);
                const tall = [d, ...d.querySelectorAll('*')].some((e) => e.scrollHeight > e.clientHeight + 1
                    && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY));
                if (d.scrollHeight > d.clientHeight + 1 && !tall) out.push('taller than the window and not scrolling');
                [...d.querySelectorAll('button, input, textarea, select, h2, label')].filter((e) => e.offsetParent)
                    .filter((e) => e.getBoundingClientRect().right > r.right + 0.5 || e.getBoundingClientRect().left < r.left - 0.5)
                    .forEach((e) => out.push('past the side: ' + e.outerHTML.slice(0, 60)));
                return out.join(' | ');""", dialog);
        assertThat(problem).as(testId + " fits the screen").isEmpty();
    }

    /** The screen at 390 and at 1280 px in this language; back at 390 afterwards. */
    private void shots(String name, String language) {
        browser.screenshot("phone-" + name + "-" + language + "-390");
        browser.driver().manage().window().setSize(DESKTOP);
        browser.await("the wide layout", d -> (Boolean) browser.script("return innerWidth > 1000"));
        browser.screenshot("phone-" + name + "-" + language + "-1280");
        phone();
    }

    /** A window whose page area (the viewport) is 390×844, whatever the browser's own frame takes. */
    private void phone() {
        browser.driver().manage().window().setSize(PHONE);
        browser.await("the phone layout", d -> (Boolean) browser.script("return innerWidth < 400"));
        long frame = ((Number) browser.script("return outerHeight - innerHeight")).longValue();
        if (frame > 0) {
            browser.driver().manage().window().setSize(new Dimension(PHONE.getWidth(), PHONE.getHeight() + (int) frame));
        }
        browser.await("a 390×844 viewport", d -> (Boolean) browser.script("return innerWidth === 390 && innerHeight >= 844"));
    }

    private static String created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }
}
