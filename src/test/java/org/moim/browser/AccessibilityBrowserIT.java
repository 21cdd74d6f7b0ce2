package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.moim.it.Api.json;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.moim.it.WsClient;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Accessibility, checked by axe-core (package.json; {@code npm ci} puts it in node_modules, and
 * {@code ./moim test} runs that first) injected into the real page: every main screen, signed out
 * and signed in, in English and in Korean, has no serious or critical violation of WCAG 2.1 A/AA
 * and axe's best practices. And the keyboard: Tab reaches the main actions, each showing a visible
 * focus ring; a dialog keeps the focus inside on Tab and Shift+Tab and gives it back to the
 * control that opened it when it closes. Every violation found (any impact) is written to
 * target/browser-screenshots/axe-violations.txt. docs/accessibility.md says more.
 */
@ExtendWith(ArquillianExtension.class)
class AccessibilityBrowserIT {

    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    Browser browser;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void openBrowser() throws Exception {
        browser = browsers.start("ann");
    }

    private Api api() {
        return new Api(base);
    }

    /** A workspace of Ann and Ben with a board (a list, a card) and a direct conversation with messages. */
    private record Fixture(SignedIn ann, String workspace, String board, String card, String direct) {
    }

    private Fixture fixture() throws InterruptedException {
        SignedIn ann = Accounts.signUp(api(), "Ann Access");
        SignedIn ben = Accounts.signUp(api(), "Ben Access");
        String workspace = Chat.workspace(base, ann, ben);
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = api().post(boards, json("name", "Launch 출시"), ann.accessToken()).json().getString("id");
        String list = api().post(boards + "/" + board + "/lists", json("name", "Todo"), ann.accessToken()).json().getString("id");
        String card = api().post(boards + "/" + board + "/cards", json("listId", list, "title", "Write the notes 회의록",
                "description", "Some **notes**\n\n- one\n- two"), ann.accessToken()).json().getString("id");
        String direct = Chat.direct(base, workspace, ann, ben);
        WsClient socket = Chat.connect(base, ben);
        Chat.send(socket, direct, "The 회의록 draft is ready", null);
        Chat.send(socket, direct, "Can you look at it today?", null);
        socket.close();
        return new Fixture(ann, workspace, board, card, direct);
    }

    private void language(String lang) {
        if (!lang.equals(browser.htmlLang())) {
            browser.click("lang-" + lang);
            browser.await("the page in " + lang, d -> lang.equals(browser.htmlLang()));
        }
    }

    private void route(String hash) {
        browser.script("location.hash = arguments[0]", hash);
    }

    private String ws(Fixture f, String page) {
        return "#/w/" + f.workspace() + "/" + page;
    }

    @Test
    void everyMainScreenHasNoSeriousOrCriticalViolationInEitherLanguage() throws Exception {
        Fixture f = fixture();
        Map<String, List<String>> serious = new LinkedHashMap<>();
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String lang : List.of("en", "ko")) {
            browser.open(base.toString());
            browser.awaitState("signed-out");
            language(lang);
            browser.visible("login-form");
            check(lang, "sign-in", serious, all);

            browser.click("show-register");
            browser.visible("register-form");
            check(lang, "sign-up", serious, all);
            browser.type("register-name", "Newcomer " + lang);
            browser.type("register-email", Api.newEmail("a11y"));
            browser.type("register-password", Accounts.PASSWORD);
            browser.click("register-submit");
            browser.awaitState("signed-in");
            browser.visible("first-steps");
            language(lang);
            assertThat(browser.htmlLang()).isEqualTo(lang);
            check(lang, "first-steps", serious, all);
            browser.click("logout");
            browser.awaitState("signed-out");

            browser.type("login-email", f.ann().email());
            browser.type("login-password", Accounts.PASSWORD);
            browser.click("login-submit");
            browser.awaitState("signed-in");
            language(lang);
            route(ws(f, "boards")); // the newcomer left the page on #/welcome
            browser.visible("board-list");
            check(lang, "workspace-home", serious, all);

            route(ws(f, "boards/" + f.board()));
            browser.visible("card");
            check(lang, "board", serious, all);

            route(ws(f, "boards/" + f.board()) + "?card=" + f.card());
            browser.visible("card-title-input");
            check(lang, "card-dialog", serious, all);
            browser.keys(Keys.ESCAPE);
            browser.await("the card dialog to close", d -> browser.all("card-title-input").isEmpty());

            route(ws(f, "chat"));
            browser.await("#general in the sidebar", d -> {
                browser.all("channel-link").stream().filter(l -> l.getText().contains("general")).findFirst().orElseThrow().click();
                return true;
            });
            browser.awaitText("chat-title", "# general");
            browser.type("chat-input", "Hello 안녕 " + lang);
            browser.click("chat-send");
            browser.await("the message in #general", d -> browser.all("chat-text").stream().anyMatch(t -> t.getText().contains("안녕 " + lang)));
            check(lang, "chat-channel", serious, all);

            route(ws(f, "chat/" + f.direct()));
            browser.await("the direct messages", d -> browser.all("chat-text").stream().anyMatch(t -> t.getText().contains("today?")));
            check(lang, "chat-direct", serious, all);

            route(ws(f, "calendar"));
            browser.visible("calendar-new-event");
            check(lang, "calendar", serious, all);

            route(ws(f, "files"));
            browser.visible("page-title");
            browser.await("the files page", d -> d.getCurrentUrl().contains("/files"));
            settle();
            check(lang, "files", serious, all);

            route(ws(f, "gallery"));
            browser.visible("gallery-page");
            check(lang, "gallery", serious, all);

            browser.click("search-input");
            WebElement search = browser.visible("search-input");
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            search.sendKeys("회의록");
            browser.visible("search-results");
            browser.visible("search-group-messages");
            check(lang, "search-results", serious, all);
            browser.keys(Keys.ESCAPE);
            browser.script("document.activeElement && document.activeElement.blur && document.activeElement.blur()");

            browser.click("bell");
            browser.visible("bell-panel");
            check(lang, "notifications", serious, all);
            browser.click("bell");

            route(ws(f, "settings"));
            browser.visible("settings-form");
            check(lang, "workspace-settings", serious, all);

            route(ws(f, "members"));
            browser.visible("member-row");
            check(lang, "members", serious, all);

            route(ws(f, "billing"));
            browser.visible("billing-plan");
            check(lang, "plans", serious, all);

            route("#/profile");
            browser.visible("session-current");
            check(lang, "profile-sessions", serious, all);

            browser.click("logout");
            browser.awaitState("signed-out");
        }
        if (!serious.isEmpty()) {
            fail("Serious or critical accessibility violations (axe-core):\n" + report(serious));
        }
    }

    @Test
    void tabReachesTheMainActionsWithAVisibleFocusAndDialogsHoldAndReturnTheFocus() throws Exception {
        Fixture f = fixture();
        browser.signIn(base, f.ann().email());
        browser.visible("board-list");
        route(ws(f, "boards/" + f.board()));
        browser.visible("card");
        settle();

        // From the top of the page, Tab walks through every control; each one shows its focus.
        browser.script("document.activeElement && document.activeElement.blur && document.activeElement.blur(); window.scrollTo(0, 0)");
        List<String> reached = new ArrayList<>();
        List<String> invisible = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            browser.keys(Keys.TAB);
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) browser.script(FOCUS_RING);
            if (focus == null) {
                continue;
            }
            String what = String.valueOf(focus.get("what"));
            reached.add(String.valueOf(focus.get("testid")));
            if (!Boolean.TRUE.equals(focus.get("focusVisible")) || !Boolean.TRUE.equals(focus.get("ring"))) {
                invisible.add(what + " " + focus);
            }
        }
        assertThat(reached).as("what Tab reaches on a board").contains("skip-link", "search-input", "bell", "logout", "lang-ko",
                "nav-boards", "nav-chat", "nav-calendar", "nav-files", "channel-create", "card", "add-card", "add-list");
        assertThat(invisible).as("focused controls without a visible focus ring").isEmpty();

        // The card opens from the keyboard; its dialog holds the focus and gives it back on Escape.
        browser.script("arguments[0].focus()", browser.visible("card"));
        browser.keys(Keys.ENTER);
        browser.visible("card-title-input");
        assertFocusStaysInTheDialog("card dialog");
        browser.keys(Keys.ESCAPE);
        browser.await("the card dialog to close", d -> !(Boolean) browser.script("return !!document.querySelector('dialog[open]')"));
        browser.await("the focus back on the card", d -> "card".equals(browser.focused().getDomAttribute("data-testid")));

        // The create-channel dialog, opened with Enter on its button, closed with its × button.
        WebElement create = browser.visible("channel-create");
        browser.script("arguments[0].focus()", create);
        browser.keys(Keys.ENTER);
        browser.visible("channel-new-dialog");
        assertFocusStaysInTheDialog("create-channel dialog");
        browser.script("arguments[0].focus()", browser.visible("channel-new-dialog-close"));
        browser.keys(Keys.ENTER);
        browser.await("the create-channel dialog to close", d -> browser.all("channel-new-dialog").isEmpty());
        browser.await("the focus back on +", d -> "channel-create".equals(browser.focused().getDomAttribute("data-testid")));
        assertThat((Boolean) browser.script("return document.activeElement.matches(':focus-visible')"))
                .as("the returned focus shows").isTrue();

        // In a conversation, Tab reaches the scrolling message list (so the keyboard scrolls it) and the composer, both showing their focus.
        route(ws(f, "chat/" + f.direct()));
        browser.await("the direct messages", d -> browser.all("chat-text").stream().anyMatch(t -> t.getText().contains("today?")));
        settle();
        browser.script("document.activeElement && document.activeElement.blur && document.activeElement.blur()");
        reached.clear();
        invisible.clear();
        for (int i = 0; i < 120 && !reached.contains("chat-input"); i++) {
            browser.keys(Keys.TAB);
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) browser.script(FOCUS_RING);
            if (focus != null) {
                reached.add(String.valueOf(focus.get("testid")));
                if (!Boolean.TRUE.equals(focus.get("focusVisible")) || !Boolean.TRUE.equals(focus.get("ring"))) {
                    invisible.add(focus.get("what") + " " + focus);
                }
            }
        }
        assertThat(reached).as("what Tab reaches in a conversation").contains("chat-scroll", "chat-input");
        assertThat(invisible).as("focused controls without a visible focus ring in a conversation").isEmpty();
    }

    /** Forty Tabs, then forty Shift+Tabs: the focus never leaves the open dialog, and each stop shows its ring. */
    private void assertFocusStaysInTheDialog(String name) {
        for (CharSequence key : List.of(Keys.TAB, Keys.chord(Keys.SHIFT, Keys.TAB))) {
            for (int i = 0; i < 40; i++) {
                browser.keys(key);
                @SuppressWarnings("unchecked")
                Map<String, Object> focus = (Map<String, Object>) browser.script(FOCUS_RING);
                assertThat(focus).as("%s: focus after %d × %s", name, i + 1, key == Keys.TAB ? "Tab" : "Shift+Tab").isNotNull();
                assertThat(focus.get("inDialog")).as("%s: %s inside the dialog", name, focus.get("what")).isEqualTo(true);
                Object what = focus.get("what");
                browser.await(() -> name + ": " + what + " to show its focus (" + browser.script(FOCUS_RING) + ")",
                        d -> Boolean.TRUE.equals(((Map<?, ?>) browser.script(FOCUS_RING)).get("ring")));
            }
        }
    }

    /**
     * The focused element (null for none) and whether it draws a focus indicator (an outline or a
     * box shadow), read once the focus style's CSS transitions have run.
     */
    private static final String FOCUS_RING = """
            const transitions = document.getAnimations().filter((a) => a instanceof CSSTransition);
            return Promise.all(transitions.map((a) => a.finished.catch(() => null))).then(() => {
            const e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return null;
            const s = getComputedStyle(e);
            const after = getComputedStyle(e, '::after');
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            const afterShadow = after.boxShadow && after.boxShadow !== 'none';
            return {
              what: e.tagName.toLowerCase() + (e.dataset.testid ? '[' + e.dataset.testid + ']' : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''),
              testid: e.dataset.testid || e.className || e.tagName,
              focusVisible: e.matches(':focus-visible'),
              ring: outline || shadow || afterShadow,
              inDialog: !!e.closest('dialog[open]'),
            };
            });""";

    /** Waits until nothing on the page says it is busy loading. */
    private void settle() {
        browser.await("the page to finish loading", d -> (Boolean) browser.script(
                "return !document.querySelector('[aria-busy=true]') && !document.querySelector('#app .spinner')"));
    }

    /** Runs axe on the whole document; records every violation, and the serious and critical ones apart. */
    private void check(String lang, String screen, Map<String, List<String>> serious, Map<String, List<String>> all)
            throws IOException {
        settle();
        assertThat(browser.htmlLang()).as("<html lang> on " + screen).isEqualTo(lang);
        browser.screenshot("a11y-" + screen + "-" + lang);
        if (!(Boolean) browser.script("return typeof window.axe === 'object'")) {
            if (!Files.isRegularFile(AXE)) {
                fail(AXE.toAbsolutePath() + " is missing: run `npm ci` in the project directory (./moim test does).");
            }
            browser.script(Files.readString(AXE));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})
                          .then((r) => done(r.violations.map((v) => ({
                            id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.map((n) => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.split('\\n').slice(1).join(' ').trim() : '')),
                          }))))
                          .catch((e) => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""");
        for (Map<String, Object> v : violations) {
            String line = v.get("id") + " (" + v.get("impact") + "): " + v.get("help");
            @SuppressWarnings("unchecked")
            List<String> nodes = (List<String>) v.get("nodes");
            List<String> lines = new ArrayList<>();
            lines.add(line);
            nodes.forEach(n -> lines.add("    " + n));
            String key = screen + " [" + lang + "]";
            all.computeIfAbsent(key, k -> new ArrayList<>()).addAll(lines);
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.computeIfAbsent(key, k -> new ArrayList<>()).addAll(lines);
            }
        }
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("axe-violations.txt"), report(all));
    }

    private static String report(Map<String, List<String>> byScreen) {
        StringBuilder text = new StringBuilder();
        Map<String, Integer> perRule = new TreeMap<>();
        byScreen.forEach((screen, lines) -> {
            text.append(screen).append('\n');
            lines.forEach(l -> {
                text.append("  ").append(l).append('\n');
                if (!l.startsWith("    ")) {
                    perRule.merge(l.substring(0, l.indexOf(':')), 1, Integer::sum);
                }
            });
        });
        text.append("Screens per rule: ").append(perRule).append('\n');
        return text.toString();
    }
}
