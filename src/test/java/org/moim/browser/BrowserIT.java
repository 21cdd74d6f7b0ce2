package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.browser.Browser.testId;
import static org.moim.browser.Browser.within;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
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
import org.moim.it.Deployments;
import org.moim.it.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * Everyday journeys through the browser shell, in headless Chromium against the real WAR on
 * Payara Micro: sign up, stay signed in across a reload, sign out; a wrong password and the
 * Korean UI; profile and language; signing out other devices. Each journey checks what a person
 * would see and what the server then believes (through the REST API).
 *
 * <p>The browser sends no X-Forwarded-For, so every browser request counts against 127.0.0.1's
 * rate limits: only the first journey registers through the UI; the others make their accounts
 * through {@link Api}, which has an address of its own.
 *
 * <p>Evidence lands in target/browser-screenshots: {@code <test>-signed-in.png} and the browser
 * console ({@code <test>.console.log}) always, {@code <test>.png} when a journey fails. Every
 * journey also ends by checking that the console has no warnings or errors it did not expect.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

    private static final String REFRESH_KEY = "moim.refresh";

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
        browser = browsers.start("ann");
    }

    @Test
    void registersSignsInSurvivesAReloadAndSignsOut() {
        String name = "김하늘 <b>html</b>";
        String email = Api.newEmail("browser");

        browser.open(base.toString());
        browser.awaitState("signed-out");
        browser.click("show-register");
        browser.visible("register-form");
        browser.type("register-name", name);
        browser.type("register-email", email);
        browser.type("register-password", Accounts.PASSWORD);
        browser.click("register-submit");
        browser.awaitState("signed-in");

        // The name is text, exactly as typed: no <b> element anywhere, the markup escaped.
        WebElement userName = browser.visible("user-name");
        assertThat(userName.getText()).isEqualTo(name);
        assertThat(userName.getDomProperty("innerHTML")).isEqualTo("김하늘 &lt;b&gt;html&lt;/b&gt;");
        assertThat(browser.driver().findElements(By.cssSelector("#app b"))).isEmpty();
        // Someone new, without a workspace, lands on the first steps, which greet them by name.
        browser.awaitText("page-title", "Welcome, " + name);
        browser.visible("first-steps");
        assertThat(browser.htmlLang()).isEqualTo("en");
        String firstRefresh = browser.localStorage(REFRESH_KEY);
        assertThat(firstRefresh).as("refresh token kept in localStorage").isNotBlank();

        // A reload keeps the session: the stored refresh token is exchanged (and rotated).
        browser.reload();
        browser.awaitState("signed-in");
        browser.awaitText("user-name", name);
        browser.awaitText("page-title", "Welcome, " + name);
        String rotated = browser.localStorage(REFRESH_KEY);
        assertThat(rotated).as("refresh token after the reload").isNotBlank().isNotEqualTo(firstRefresh);
        browser.screenshot(testName + "-signed-in");

        browser.click("logout");
        browser.awaitState("signed-out");
        browser.visible("login-form");
        assertThat(browser.localStorage(REFRESH_KEY)).as("refresh token after signing out").isNull();
        // Signed out on the server too, not just forgotten by the browser.
        Api.Reply refresh = new Api(base).post("/api/v1/auth/refresh", Api.json("refreshToken", rotated));
        assertThat(refresh.status()).as("refresh after sign-out: %s", refresh).isEqualTo(401);

        browser.reload();
        browser.awaitState("signed-out");
        browser.visible("login-form");
        assertThat(browser.all("user-name")).isEmpty();
        assertThat(browser.localStorage(REFRESH_KEY)).isNull();
        assertQuietConsole();
    }

    @Test
    void wrongPasswordShowsALocalizedError() {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Wrong Password");

        browser.open(base.toString());
        browser.awaitState("signed-out");
        assertThat(browser.htmlLang()).isEqualTo("en");
        browser.type("login-email", account.email());
        browser.type("login-password", "not the password at all");
        browser.click("login-submit");

        assertThat(browser.awaitAnyText("auth-error")).isEqualTo("Incorrect email or password.");
        assertThat(browser.state()).isEqualTo("signed-out");
        assertThat(browser.localStorage(REFRESH_KEY)).isNull();

        // Switching to Korean re-translates the page in place, the error included.
        browser.click("lang-ko");
        browser.await("html lang=ko", d -> "ko".equals(browser.htmlLang()));
        browser.awaitText("login-submit", "로그인");
        browser.awaitText("auth-error", "이메일 또는 비밀번호가 올바르지 않습니다.");
        assertThat(browser.textOf("show-register")).isEqualTo("계정 만들기");
        assertThat(browser.driver().getTitle()).isEqualTo("로그인 · Moim");
        assertThat(browser.visible("lang-ko").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.visible("lang-en").getDomAttribute("aria-pressed")).isEqualTo("false");
        // What was typed survives the switch.
        assertThat(browser.visible("login-email").getDomProperty("value")).isEqualTo(account.email());
        browser.screenshot(testName + "-korean-error");

        browser.type("login-password", Accounts.PASSWORD);
        browser.click("login-submit");
        browser.awaitState("signed-in");
        browser.awaitText("user-name", "Wrong Password");
        // Once signed in, the profile's language (set when the account was made: English) wins.
        String profileLocale = api.get("/api/v1/me", account.accessToken()).json().getString("locale");
        assertThat(browser.htmlLang()).isEqualTo(profileLocale);
        browser.screenshot(testName + "-signed-in");
        // Chrome reports the refused sign-in (401) as a failed resource load; nothing else.
        assertQuietConsole("/api/v1/auth/login - Failed to load resource: the server responded with a status of 401");
    }

    @Test
    void profileAndLanguageChangesPersist() {
        Api api = new Api(base);
        SignedIn account = Accounts.signUp(api, "Profile Person");
        String newName = "박서연 Seo-yeon";

        signInThroughTheUi(account.email());
        browser.click("nav-profile");
        assertThat(browser.visible("profile-name").getDomProperty("value")).isEqualTo("Profile Person");
        assertThat(browser.visible("profile-locale").getDomProperty("value")).isEqualTo("en");

        browser.type("profile-name", newName);
        new Select(browser.visible("profile-locale")).selectByValue("ko");
        browser.click("profile-save");

        awaitToast("프로필을 저장했습니다.");
        assertThat(browser.textOf("profile-error")).isEmpty();
        assertThat(browser.htmlLang()).isEqualTo("ko");
        browser.awaitText("user-name", newName);
        browser.awaitText("welcome", newName + "님, 환영합니다");
        browser.awaitText("profile-save", "변경 사항 저장");
        assertThat(browser.visible("lang-ko").getDomAttribute("aria-pressed")).isEqualTo("true");

        // Forget this device's saved language first: after the reload Korean can only come
        // from the profile on the server.
        browser.removeFromLocalStorage("moim.lang");
        browser.reload();
        browser.awaitState("signed-in");
        assertThat(browser.htmlLang()).isEqualTo("ko");
        browser.awaitText("user-name", newName);
        browser.awaitText("welcome", newName + "님, 환영합니다");
        assertThat(browser.visible("profile-name").getDomProperty("value")).isEqualTo(newName);
        assertThat(browser.visible("profile-locale").getDomProperty("value")).isEqualTo("ko");
        assertThat(browser.textOf("nav-profile")).contains("프로필");
        browser.screenshot(testName + "-signed-in");

        SignedIn again = Accounts.signIn(api, account.email(), Accounts.PASSWORD, account.id());
        Api.Reply me = api.get("/api/v1/me", again.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("locale")).isEqualTo("ko");
        assertThat(me.json().getString("displayName")).isEqualTo(newName);
        assertQuietConsole();
    }

    @Test
    void signingOutAnotherSessionFromTheSessionsList() {
        Api api = new Api(base);
        SignedIn laptop = Accounts.signUp(api, "Many Sessions");
        SignedIn phone = Accounts.signIn(api, laptop.email(), Accounts.PASSWORD, laptop.id());
        String laptopSession = Tokens.read(laptop.accessToken()).getString("sid");
        String phoneSession = Tokens.read(phone.accessToken()).getString("sid");

        signInThroughTheUi(laptop.email());
        browser.click("nav-profile");
        awaitSessionRows(3);
        List<WebElement> rows = browser.all("session-row");
        assertThat(browser.all("session-current")).hasSize(1);
        WebElement current = rows.get(0);
        assertThat(current.findElements(testId("session-current"))).as("the current session is listed first").hasSize(1);
        assertThat(current.findElements(testId("session-revoke"))).as("no sign-out button for this device").isEmpty();
        assertThat(rows.subList(1, 3)).allSatisfy(row -> assertThat(row.findElements(testId("session-revoke"))).hasSize(1));
        assertThat(sessionIds(rows.subList(1, 3))).containsExactlyInAnyOrder(laptopSession, phoneSession);
        String browserSession = current.getDomAttribute("data-session-id");
        browser.screenshot(testName + "-signed-in");

        // Sign out the phone from its own row.
        WebElement phoneRow = rows.stream()
                .filter(row -> phoneSession.equals(row.getDomAttribute("data-session-id")))
                .findFirst().orElseThrow();
        phoneRow.findElement(testId("session-revoke")).click();
        awaitToast("Session signed out.");
        awaitSessionRows(2);
        assertThat(sessionIds(browser.all("session-row"))).containsExactlyInAnyOrder(browserSession, laptopSession);
        assertThat(api.get("/api/v1/me", phone.accessToken()).status()).as("the phone's access token").isEqualTo(401);
        assertThat(api.get("/api/v1/me", laptop.accessToken()).status()).as("the laptop's access token").isEqualTo(200);

        // Then every other session at once.
        browser.click("sessions-revoke-others");
        awaitToast("All other sessions were signed out.");
        awaitSessionRows(1);
        assertThat(sessionIds(browser.all("session-row"))).containsExactly(browserSession);
        assertThat(browser.all("session-current")).hasSize(1);
        assertThat(api.get("/api/v1/me", laptop.accessToken()).status()).as("the laptop's access token").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Api.json("refreshToken", laptop.refreshToken())).status())
                .as("the laptop's refresh token").isEqualTo(401);

        // This browser stays signed in, through a reload as well.
        assertThat(browser.state()).isEqualTo("signed-in");
        browser.reload();
        browser.awaitState("signed-in");
        awaitSessionRows(1);
        assertThat(sessionIds(browser.all("session-row"))).containsExactly(browserSession);
        assertQuietConsole();
    }

    /**
     * The journey of issue 3: create a workspace, invite someone by email, they sign in and
     * accept, the owner creates a board, adds lists and cards and moves cards to another list
     * (one by drag and drop, one with the keyboard); after a reload the cards are where they
     * were dropped, and the server agrees.
     */
    @Test
    void workspaceInvitationBoardAndMovingCards() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Board Owner");
        SignedIn invitee = Accounts.signUp(api, "Invited Colleague");

        // Create a workspace from the switcher.
        signInThroughTheUi(owner.email());
        browser.click("workspace-switcher");
        browser.click("switcher-create");
        browser.type("new-workspace-name", "디자인팀 Design");
        browser.type("new-workspace-avatar", "🚀");
        browser.click("new-workspace-submit");
        browser.awaitText("page-title", "Boards");
        browser.awaitText("switcher-current", "디자인팀 Design");
        String workspaceId = workspaceIdFromUrl();
        Api.Reply mine = api.get("/api/v1/workspaces", owner.accessToken());
        assertThat(mine.json().getJsonArray("items")).hasSize(1);
        assertThat(mine.json().getJsonArray("items").getJsonObject(0).getString("myRole")).isEqualTo("OWNER");

        // Invite by email.
        browser.click("nav-members");
        browser.type("invite-email", invitee.email());
        new Select(browser.visible("invite-role")).selectByValue("MEMBER");
        browser.click("invite-submit");
        awaitToast("Invitation sent to " + invitee.email() + ".");
        browser.await("the invitation listed as pending", d -> browser.all("invitation-row").stream()
                .anyMatch(row -> row.getText().contains(invitee.email()) && "PENDING".equals(row.getDomAttribute("data-status"))));
        browser.screenshot(testName + "-members");

        // The invitee signs in, sees one pending invitation and accepts it.
        browser.click("logout");
        browser.awaitState("signed-out");
        signInThroughTheUi(invitee.email());
        browser.awaitText("nav-invitations-count", "1");
        browser.click("nav-invitations");
        browser.awaitText("invitation-workspace", "디자인팀 Design");
        browser.click("invitation-accept");
        awaitToast("You joined 디자인팀 Design.");
        browser.awaitText("page-title", "Boards");
        browser.awaitText("switcher-current", "디자인팀 Design");
        browser.await("no pending invitations left", d -> !d.findElement(testId("nav-invitations-count")).isDisplayed());
        Api.Reply members = api.get("/api/v1/workspaces/" + workspaceId + "/members", owner.accessToken());
        assertThat(members.items().stream().map(m -> m.asJsonObject().getString("email")))
                .containsExactlyInAnyOrder(owner.email(), invitee.email());

        // The owner creates a board with two lists and three cards.
        browser.click("logout");
        browser.awaitState("signed-out");
        signInThroughTheUi(owner.email());
        browser.awaitText("page-title", "Boards");
        browser.click("new-board");
        browser.type("board-create-name", "Launch 출시");
        browser.click("board-create-submit");
        browser.awaitText("board-title", "Launch 출시");
        String boardId = browser.driver().getCurrentUrl().replaceAll(".*/boards/([^/?]+).*", "$1");

        browser.click("add-list");
        browser.type("new-list-name", "To do");
        browser.visible("new-list-name").sendKeys(Keys.ENTER);
        awaitLists("To do");
        browser.type("new-list-name", "Done");
        browser.visible("new-list-name").sendKeys(Keys.ENTER);
        awaitLists("To do", "Done");
        browser.visible("new-list-name").sendKeys(Keys.ESCAPE);

        WebElement todo = list("To do");
        within(todo, "add-card").click();
        for (String title : List.of("Write the brief", "Review <b>copy</b>", "Ship it")) {
            browser.await("the card composer", d -> list("To do").findElement(testId("new-card-title")).isDisplayed());
            WebElement input = list("To do").findElement(testId("new-card-title"));
            input.sendKeys(title);
            input.sendKeys(Keys.ENTER);
            browser.await("card " + title, d -> cardTitles("To do").contains(title));
        }
        assertThat(cardTitles("To do")).containsExactly("Write the brief", "Review <b>copy</b>", "Ship it");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='card'] b"))).as("titles are text").isEmpty();
        browser.visible("new-card-title").sendKeys(Keys.ESCAPE);

        // Drag "Write the brief" onto the empty "Done" list.
        browser.dragWithEvents(card("Write the brief"), list("Done").findElement(testId("card-list")), 0.5);
        browser.await("the brief in Done", d -> cardTitles("Done").equals(List.of("Write the brief")));
        awaitBoard(owner, boardId, Map.of("To do", List.of("Review <b>copy</b>", "Ship it"), "Done", List.of("Write the brief")));

        // And "Ship it" with the keyboard: pick it up, one list to the right, drop it (after the brief).
        card("Ship it").sendKeys(Keys.SPACE);
        browser.keys(Keys.ARROW_RIGHT);
        browser.keys(Keys.ARROW_DOWN);
        browser.keys(Keys.SPACE);
        browser.await("Ship it in Done", d -> cardTitles("Done").equals(List.of("Write the brief", "Ship it")));
        assertThat(browser.focused().getDomAttribute("data-testid")).as("focus stays on the moved card").isEqualTo("card");
        awaitBoard(owner, boardId, Map.of("To do", List.of("Review <b>copy</b>"), "Done", List.of("Write the brief", "Ship it")));
        browser.screenshot(testName + "-board");

        // After a reload the cards are where they were dropped.
        browser.reload();
        browser.awaitState("signed-in");
        browser.await("the board after the reload", d -> cardTitles("Done").equals(List.of("Write the brief", "Ship it")));
        assertThat(cardTitles("To do")).containsExactly("Review <b>copy</b>");

        // A real pointer drag (WebDriver's mouse): the last card to the top of "Done".
        browser.dragWithPointer(card("Review <b>copy</b>"), card("Write the brief"));
        browser.await(() -> "Review at the top of Done (now " + cardTitles("Done") + ")",
                d -> cardTitles("Done").equals(List.of("Review <b>copy</b>", "Write the brief", "Ship it")));
        awaitBoard(owner, boardId, Map.of("To do", List.of(), "Done", List.of("Review <b>copy</b>", "Write the brief", "Ship it")));
        assertQuietConsole();
    }

    @Test
    void anOwnerUpgradesThroughTheSandboxCheckoutAndTheNewLimitsShow() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Paying Owner");
        String workspaceId = api.post("/api/v1/workspaces", Api.json("name", "Premium 팀"), owner.accessToken()).json().getString("id");

        signInThroughTheUi(owner.email());
        browser.open(base + "#/w/" + workspaceId + "/billing");
        browser.awaitState("signed-in");
        browser.awaitText("billing-plan-name", "Free");
        assertThat(limitValue("MEMBERS")).isEqualTo("1 / 10");
        new Select(browser.visible("billing-period")).selectByValue("MONTHLY");
        new Select(browser.visible("billing-currency")).selectByValue("KRW");
        browser.awaitText("billing-price", "49,000 KRW");
        browser.screenshot(testName + "-free");

        // The provider's page (the sandbox's, served by Moim): a test card.
        browser.click("billing-upgrade");
        browser.await("the sandbox checkout page", d -> d.getCurrentUrl().contains("/api/v1/billing/sandbox/checkouts/"));
        assertThat(browser.textOf("amount")).isEqualTo("49,000 KRW");
        browser.type("card-number", "4242 4242 4242 4242");
        browser.type("card-expiry", "12/34");
        browser.type("card-cvc", "123");
        browser.screenshot(testName + "-checkout");
        browser.click("pay");

        // Back in the app, the plan changes once the provider's webhook has arrived.
        browser.awaitState("signed-in");
        assertThat(browser.driver().getCurrentUrl()).contains("#/w/" + workspaceId + "/billing", "result=success");
        browser.awaitText("billing-plan-name", "Premium");
        browser.await("the Premium member limit", d -> "1 / 500".equals(limitValue("MEMBERS")));
        assertThat(browser.all("invoice-row")).hasSize(1);
        assertThat(browser.visible("billing-cancel").isDisplayed()).isTrue();
        browser.screenshot(testName + "-premium");
        Api.Reply plan = api.get("/api/v1/workspaces/" + workspaceId + "/plan", owner.accessToken());
        assertThat(plan.json().getString("plan")).isEqualTo("PREMIUM");
        assertQuietConsole("favicon");
    }

    private String limitValue(String limit) {
        return browser.all("billing-limit").stream()
                .filter(row -> limit.equals(row.getDomAttribute("data-limit")))
                .map(row -> within(row, "billing-limit-value").getText())
                .findFirst().orElse(null);
    }

    /**
     * The card dialog: a description and comments in Markdown render as formatting, never as HTML
     * (no element, no script, no javascript: link comes out of what people type); checklist and
     * comment counts follow on the board; the activity log tells what happened; and the board
     * reads in Korean after the language switch.
     */
    @Test
    void cardDetailRendersMarkdownSafelyAndTheBoardReadsInKorean() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Card Writer");
        String token = owner.accessToken();
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Docs"), token)).getString("id");
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = created(api.post(boards, Api.json("name", "Handbook"), token)).getString("id");
        String todo = created(api.post(boards + "/" + board + "/lists", Api.json("name", "To do"), token)).getString("id");
        created(api.post(boards + "/" + board + "/lists", Api.json("name", "Done"), token));
        String card = created(api.post(boards + "/" + board + "/cards", Api.json("listId", todo, "title", "Style guide",
                "description", "Plain **bold** and *italic* <img src=x onerror=\"window.pwned=1\"> "
                        + "[safe](https://example.com/) [bad](javascript:window.pwned=2)\n\n<script>window.pwned=3</script>"), token))
                .getString("id");

        browser.open(base + "#/w/" + workspace + "/boards/" + board + "?card=" + card);
        browser.awaitState("signed-out");
        browser.type("login-email", owner.email());
        browser.type("login-password", Accounts.PASSWORD);
        browser.click("login-submit");
        browser.awaitState("signed-in");
        browser.awaitText("card-dialog-title", "Style guide");

        WebElement description = browser.visible("card-description");
        browser.await("the rendered description", d -> !description.findElements(By.tagName("strong")).isEmpty());
        assertThat(description.findElement(By.tagName("strong")).getText()).isEqualTo("bold");
        assertThat(description.findElement(By.tagName("em")).getText()).isEqualTo("italic");
        assertThat(description.findElements(By.cssSelector("img, script, iframe, [onerror]"))).isEmpty();
        assertThat(description.getText()).contains("<img src=x onerror=\"window.pwned=1\">").contains("<script>window.pwned=3</script>");
        WebElement safe = description.findElement(By.linkText("safe"));
        assertThat(safe.getDomAttribute("href")).isEqualTo("https://example.com/");
        assertThat(safe.getDomAttribute("rel")).contains("noopener").contains("noreferrer");
        assertThat(description.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        assertThat(description.getText()).contains("[bad](javascript:window.pwned=2)");

        // Edit the description in the dialog: a list with a task and a code span.
        browser.click("card-description-edit");
        browser.type("card-description-input", "- [x] Outline\n- Write `<b>` as text\n\n> quoted");
        browser.click("card-description-save");
        browser.await("the new description", d -> !browser.visible("card-description").findElements(By.tagName("li")).isEmpty());
        WebElement edited = browser.visible("card-description");
        assertThat(edited.findElements(By.tagName("li"))).hasSize(2);
        assertThat(edited.findElement(By.tagName("code")).getText()).isEqualTo("<b>");
        assertThat(edited.findElements(By.tagName("b"))).isEmpty();
        assertThat(edited.findElement(By.tagName("blockquote")).getText()).isEqualTo("quoted");

        // A checklist item, ticked; a comment in Markdown.
        browser.type("checklist-new", "Outline");
        browser.click("checklist-add");
        browser.await("the checklist item", d -> browser.all("checklist-item").size() == 1);
        // Added with Enter, the focus staying in the field: the item shows; removed again.
        browser.type("checklist-new", "Proofread\n");
        browser.await("the item added with Enter", d -> browser.all("checklist-item").size() == 2);
        browser.all("checklist-remove").get(1).click();
        browser.await("the item removed", d -> browser.all("checklist-item").size() == 1);
        browser.click("checklist-toggle");
        browser.await("the item done", d -> browser.all("checklist-item").get(0).getDomAttribute("class").contains("is-done"));
        browser.type("comment-input", "Looks **good** <img src=x onerror=\"window.pwned=4\">");
        browser.click("comment-submit");
        browser.await("the comment", d -> browser.all("comment").size() == 1);
        WebElement comment = browser.visible("comment-body");
        assertThat(comment.findElement(By.tagName("strong")).getText()).isEqualTo("good");
        assertThat(comment.findElements(By.tagName("img"))).isEmpty();
        browser.screenshot(testName + "-card");

        // Escape closes the dialog; the tile shows the counts; nothing ran.
        browser.keys(Keys.ESCAPE);
        browser.await("the dialog to close", d -> browser.all("card-dialog").isEmpty());
        browser.await("the card off the URL", d -> !d.getCurrentUrl().contains("card="));
        WebElement tile = card("Style guide");
        browser.await("the counts on the card", d -> card("Style guide").findElements(testId("card-comments")).size() == 1);
        assertThat(card("Style guide").findElement(testId("card-checklist")).getText()).isEqualTo("1/1");
        assertThat(card("Style guide").findElement(testId("card-comments")).getText()).isEqualTo("1");
        assertThat(card("Style guide").findElements(By.cssSelector("[data-testid='card-comments'] svg, [data-testid='card-checklist'] svg"))).hasSize(2);
        assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);

        // The activity log.
        browser.click("board-activity-toggle");
        browser.await("the activity", d -> browser.all("activity-text").stream().anyMatch(e -> e.getText().equals("Card Writer commented on Style guide")));
        assertThat(browser.all("activity-text").stream().map(WebElement::getText))
                .contains("Card Writer added the card Style guide", "Card Writer completed \"Outline\" on Style guide");

        // The same board in Korean.
        browser.click("lang-ko");
        browser.await("html lang=ko", d -> "ko".equals(browser.htmlLang()));
        browser.awaitText("board-activity-toggle", "활동");
        assertThat(list("To do").findElement(testId("add-card")).getText()).isEqualTo("+ 카드 추가");
        assertThat(browser.textOf("nav-boards")).endsWith("보드");
        assertThat(browser.textOf("nav-calendar")).endsWith("캘린더");
        assertThat(browser.all("activity-text").stream().map(WebElement::getText)).contains("Card Writer님이 Style guide 카드에 댓글을 남겼습니다");
        assertThat(browser.driver().getTitle()).startsWith("보드 · Handbook");
        assertThat(tile.getDomAttribute("aria-label")).contains("체크리스트 1개 중 1개 완료").contains("댓글 1개");
        browser.screenshot(testName + "-korean");
        assertQuietConsole();
    }

    /**
     * An invite link made in the members screen, opened by someone signed out: they sign in,
     * join as a guest, and the screens offer a guest nothing they may not do.
     */
    @Test
    void anInviteLinkLetsAGuestJoinWhoSeesOnlyWhatGuestsMay() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Link Owner");
        SignedIn guest = Accounts.signUp(api, "Outside Guest");
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Partners"), owner.accessToken())).getString("id");

        signInThroughTheUi(owner.email());
        browser.open(base + "#/w/" + workspace + "/members");
        new Select(browser.visible("link-role")).selectByValue("GUEST");
        browser.type("link-max-uses", "3");
        browser.click("link-submit");
        awaitToast("Invite link created.");
        WebElement row = browser.visible("invite-link-row");
        assertThat(within(row, "invite-link-uses").getText()).isEqualTo("Used 0 of 3 times");
        String link = within(row, "invite-link-url").getDomProperty("value");
        assertThat(link).startsWith(base.toString()).contains("#/join/");
        browser.click("logout");
        browser.awaitState("signed-out");

        // The guest opens the link, signs in, and joins on purpose.
        browser.open(link);
        browser.awaitState("signed-out");
        browser.type("login-email", guest.email());
        browser.type("login-password", Accounts.PASSWORD);
        browser.click("login-submit");
        browser.awaitState("signed-in");
        browser.visible("join-panel");
        assertThat(api.get("/api/v1/workspaces", guest.accessToken()).json().getJsonArray("items")).as("not a member before joining").isEmpty();
        browser.click("join-submit");
        awaitToast("You joined Partners.");
        browser.awaitText("page-title", "Boards");
        browser.awaitText("boards-status", "No boards for you here yet. Boards appear when someone adds you to them.");
        assertThat(browser.all("new-board")).as("guests create no boards").isEmpty();
        assertThat(browser.all("nav-members")).as("guests do not see the member directory").isEmpty();
        browser.click("nav-settings");
        browser.visible("leave-workspace");
        assertThat(browser.all("settings-form")).as("guests do not edit the workspace").isEmpty();
        assertThat(browser.all("delete-workspace")).isEmpty();
        assertThat(browser.textOf("settings-leave")).contains("You are a Guest here.");
        Api.Reply joined = api.get("/api/v1/workspaces/" + workspace, guest.accessToken());
        assertThat(joined.json().getString("myRole")).isEqualTo("GUEST");
        assertThat(api.get("/api/v1/workspaces/" + workspace + "/invite-links", owner.accessToken()).items().getJsonObject(0).getInt("uses"))
                .isEqualTo(1);
        assertQuietConsole();
    }

    /**
     * The calendar: a card with a due date shows on its day; an event made in the dialog shows
     * in the month and in the week view, and an edit is saved.
     */
    @Test
    void calendarShowsCardsAndEventsByMonthAndWeek() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Calendar Keeper");
        String token = owner.accessToken();
        assertThat(api.patch("/api/v1/me", Api.json("timeZone", "Asia/Seoul"), token).status()).isEqualTo(200);
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Planning"), token)).getString("id");
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = created(api.post(boards, Api.json("name", "Roadmap"), token)).getString("id");
        String list = created(api.post(boards + "/" + board + "/lists", Api.json("name", "Next"), token)).getString("id");
        // 23:30 UTC on 19 March is 08:30 on 20 March in Seoul.
        created(api.post(boards + "/" + board + "/cards", Api.json("listId", list, "title", "Release notes",
                "dueAt", "2030-03-19T23:30:00Z"), token));

        signInThroughTheUi(owner.email());
        browser.open(base + "#/w/" + workspace + "/calendar?view=month&date=2030-03-15");
        browser.awaitText("page-title", "March 2030");
        browser.await("the card on 20 March", d -> !day("2030-03-20").findElements(testId("calendar-card")).isEmpty());
        WebElement due = day("2030-03-20").findElement(testId("calendar-card"));
        assertThat(due.getText()).contains("Release notes");
        assertThat(due.getDomAttribute("href")).isEqualTo("#/w/" + workspace + "/boards/" + board + "?card="
                + api.get(boards + "/" + board, token).json().getJsonArray("lists").getJsonObject(0).getJsonArray("cards").getJsonObject(0).getString("id"));
        assertThat(day("2030-03-19").findElements(testId("calendar-card"))).isEmpty();

        // A new event from the dialog.
        browser.click("calendar-new-event");
        browser.type("event-title", "분기 회의 Review");
        browser.setValue("event-start", "2030-03-18T10:00");
        browser.setValue("event-end", "2030-03-18T11:30");
        browser.type("event-location", "Room 3");
        browser.click("event-save");
        awaitToast("분기 회의 Review was added to the calendar.");
        browser.await("the event on 18 March", d -> day("2030-03-18").getText().contains("분기 회의 Review"));
        Api.Reply range = api.get("/api/v1/workspaces/" + workspace + "/calendar?from=2030-03-01&to=2030-04-01&tz=Asia/Seoul", token);
        var event = range.json().getJsonArray("items").stream().map(i -> i.asJsonObject())
                .filter(i -> "event".equals(i.getString("kind"))).findFirst().orElseThrow();
        assertThat(event.getString("start")).isEqualTo("2030-03-18T01:00:00Z");
        assertThat(event.getString("end")).isEqualTo("2030-03-18T02:30:00Z");

        // The week of 18 March: the event with its time; then edit it.
        browser.click("calendar-week");
        browser.await("the week view", d -> !browser.all("calendar-week-grid").isEmpty());
        List<String> week = List.of("2030-03-10", "2030-03-11", "2030-03-12", "2030-03-13", "2030-03-14", "2030-03-15", "2030-03-16");
        browser.await("the days of the week of 15 March", d -> browser.all("calendar-day").stream()
                .map(e -> e.getDomAttribute("data-date")).toList().equals(week));
        browser.click("calendar-next");
        browser.await("the next week", d -> d.getCurrentUrl().contains("view=week") && d.getCurrentUrl().contains("date=2030-03-22"));
        browser.await("the event in the week", d -> !day("2030-03-18").findElements(testId("calendar-event")).isEmpty());
        WebElement inWeek = day("2030-03-18").findElement(testId("calendar-event"));
        assertThat(inWeek.getText()).contains("10:00").contains("분기 회의 Review");
        inWeek.click();
        browser.await("the event dialog", d -> "분기 회의 Review".equals(browser.visible("event-title").getDomProperty("value")));
        assertThat(browser.driver().getCurrentUrl()).contains("event=" + event.getString("id"));
        browser.type("event-title", "Quarterly review");
        browser.click("event-save");
        awaitToast("Event saved.");
        browser.await("the renamed event", d -> day("2030-03-18").getText().contains("Quarterly review"));
        assertThat(api.get("/api/v1/workspaces/" + workspace + "/calendar/events/" + event.getString("id"), token).json().getString("title"))
                .isEqualTo("Quarterly review");
        browser.screenshot(testName + "-week");
        assertQuietConsole();
    }

    /**
     * Workspace settings as its owner: a rename that lost a race with someone else's is not
     * saved and the form shows what is current; then the owner deletes the workspace and
     * restores it from the list of workspaces.
     */
    @Test
    void ownerRenamesDeletesAndRestoresAWorkspace() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Settings Owner");
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Old name"), owner.accessToken())).getString("id");

        signInThroughTheUi(owner.email());
        browser.open(base + "#/w/" + workspace + "/settings");
        browser.await("the settings form", d -> "Old name".equals(browser.visible("settings-name").getDomProperty("value")));
        // Someone else renames it meanwhile (through the API).
        assertThat(api.patch("/api/v1/workspaces/" + workspace, Api.json("name", "Their name"), owner.accessToken()).status()).isEqualTo(200);
        browser.type("settings-name", "My name");
        browser.click("settings-save");
        assertThat(browser.awaitAnyText("settings-error")).startsWith("Someone else changed this workspace in the meantime");
        assertThat(browser.visible("settings-name").getDomProperty("value")).isEqualTo("Their name");
        browser.type("settings-name", "My name");
        browser.type("settings-avatar", "🎨");
        browser.click("settings-save");
        awaitToast("Workspace saved.");
        browser.awaitText("switcher-current", "My name");
        assertThat(api.get("/api/v1/workspaces/" + workspace, owner.accessToken()).json().getString("avatar")).isEqualTo("🎨");

        // Delete, then restore from "All workspaces".
        browser.click("delete-workspace");
        browser.click("delete-confirm-ok");
        awaitToast("My name was deleted. You can restore it for 30 days.");
        browser.await("the deleted workspace listed", d -> browser.all("deleted-workspace").size() == 1);
        assertThat(browser.all("workspace-card")).isEmpty();
        assertThat(api.get("/api/v1/workspaces/" + workspace, owner.accessToken()).status()).isEqualTo(404);
        browser.click("restore-workspace");
        awaitToast("My name was restored.");
        browser.await("the workspace back in the list", d -> browser.all("workspace-card").size() == 1);
        assertThat(api.get("/api/v1/workspaces/" + workspace, owner.accessToken()).status()).isEqualTo(200);
        assertQuietConsole("/api/v1/workspaces/" + workspace + " - Failed to load resource: the server responded with a status of 409");
    }

    /**
     * The owner runs the member directory: makes someone a manager, removes someone, revokes a
     * pending invitation and hands the workspace over; someone else declines their invitation.
     */
    @Test
    void ownerManagesMembersAndHandsOverOwnership() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Team Owner");
        SignedIn ada = Accounts.signUp(api, "Ada Colleague");
        SignedIn bo = Accounts.signUp(api, "Bo Leaving");
        SignedIn dee = Accounts.signUp(api, "Dee Declines");
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Studio"), owner.accessToken())).getString("id");
        String invitations = "/api/v1/workspaces/" + workspace + "/invitations";
        for (SignedIn person : List.of(ada, bo)) {
            String id = created(api.post(invitations, Api.json("email", person.email(), "role", "MEMBER"), owner.accessToken())).getString("id");
            assertThat(api.post("/api/v1/me/invitations/" + id + "/accept", Api.json(), person.accessToken()).status()).isEqualTo(200);
        }
        String pending = Api.newEmail("pending");
        created(api.post(invitations, Api.json("email", pending, "role", "GUEST"), owner.accessToken()));
        created(api.post(invitations, Api.json("email", dee.email(), "role", "MEMBER"), owner.accessToken()));

        signInThroughTheUi(owner.email());
        browser.open(base + "#/w/" + workspace + "/members");
        browser.await("three members", d -> browser.all("member-row").size() == 3);
        new Select(memberRow("Ada Colleague").findElement(testId("member-role"))).selectByValue("MANAGER");
        awaitToast("Ada Colleague is now a Manager.");
        assertThat(roleOf(api, owner, workspace, ada.email())).isEqualTo("MANAGER");

        memberRow("Bo Leaving").findElement(testId("member-remove")).click();
        browser.click("remove-confirm-ok");
        awaitToast("Bo Leaving was removed.");
        browser.await("two members", d -> browser.all("member-row").size() == 2);
        assertThat(roleOf(api, owner, workspace, bo.email())).isNull();

        WebElement invitation = browser.await("the pending invitation", d -> browser.all("invitation-row").stream()
                .filter(row -> row.getText().contains(pending)).findFirst().orElse(null));
        invitation.findElement(testId("invitation-revoke")).click();
        browser.await("the invitation revoked", d -> browser.all("invitation-row").stream()
                .anyMatch(row -> row.getText().contains(pending) && "REVOKED".equals(row.getDomAttribute("data-status"))));

        browser.click("nav-settings");
        browser.await("Ada among the candidates", d -> new Select(browser.visible("transfer-member")).getOptions().stream()
                .anyMatch(o -> o.getText().startsWith("Ada Colleague")));
        new Select(browser.visible("transfer-member")).selectByValue(ada.id());
        browser.click("transfer-submit");
        browser.click("transfer-confirm-ok");
        awaitToast("Ada Colleague is now an owner.");
        assertThat(roleOf(api, owner, workspace, ada.email())).isEqualTo("OWNER");
        assertThat(roleOf(api, owner, workspace, owner.email())).isEqualTo("MANAGER");
        browser.await("the owner-only sections gone", d -> browser.all("delete-workspace").isEmpty() && browser.all("settings-transfer").isEmpty());
        browser.visible("settings-form");

        // Dee declines.
        browser.click("logout");
        browser.awaitState("signed-out");
        signInThroughTheUi(dee.email());
        browser.click("nav-invitations");
        browser.awaitText("invitation-workspace", "Studio");
        browser.click("invitation-decline");
        awaitToast("You declined the invitation to Studio.");
        browser.await("no invitations left", d -> browser.all("my-invitation").isEmpty());
        browser.awaitText("my-invitations-status", "No pending invitations.");
        assertThat(api.get(invitations, ada.accessToken()).items().stream().map(i -> i.asJsonObject())
                .filter(i -> i.getString("email").equals(dee.email())).findFirst().orElseThrow().getString("status")).isEqualTo("DECLINED");
        assertQuietConsole();
    }

    /**
     * A move the server refuses (the target list was archived meanwhile) puts the card back
     * where it was, says so, and shows the board as it now is.
     */
    @Test
    void aRefusedMoveGoesBackWhereItWas() {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "Refused Mover");
        String token = owner.accessToken();
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Moves"), token)).getString("id");
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = created(api.post(boards, Api.json("name", "Racy"), token)).getString("id");
        String here = created(api.post(boards + "/" + board + "/lists", Api.json("name", "Here"), token)).getString("id");
        String there = created(api.post(boards + "/" + board + "/lists", Api.json("name", "There"), token)).getString("id");
        created(api.post(boards + "/" + board + "/cards", Api.json("listId", here, "title", "Stay"), token));

        signInThroughTheUi(owner.email());
        browser.open(base + "#/w/" + workspace + "/boards/" + board);
        browser.await("both lists", d -> listNames().equals(List.of("Here", "There")));
        // The board follows changes live; with its socket held down it keeps showing "There", as a
        // board does whose archive notice has not arrived yet.
        browser.script("window.moimRealtimeTest.hold()");
        browser.await("the socket down", d -> Boolean.FALSE.equals(browser.script("return window.moimRealtimeTest.connected()")));
        assertThat(api.patch(boards + "/" + board + "/lists/" + there, Api.json("archived", true), token).status()).isEqualTo(200);

        browser.dragWithEvents(card("Stay"), list("There").findElement(testId("card-list")), 0.5);
        browser.await(() -> "an error toast (now '" + toastText() + "')", d -> toastText() != null
                && "error".equals(d.findElement(testId("toast")).getDomAttribute("data-variant")));
        awaitLists("Here");
        assertThat(cardTitles("Here")).containsExactly("Stay");
        assertThat(api.get(boards + "/" + board, token).json().getJsonArray("lists").getJsonObject(0).getJsonArray("cards")
                .getJsonObject(0).getString("title")).isEqualTo("Stay");
        assertQuietConsole("/move - Failed to load resource");
    }

    /**
     * Two people in two browsers chat on a board: a message arrives live (as text, never HTML),
     * a reply quotes what it answers, a reaction and an edit show on the other side, the one who
     * is typing is named, and an @mention raises the other's bell and unread count, whose
     * notification leads to the message and reading it clears both.
     */
    @Test
    void twoPeopleChatLiveOnABoardWithRepliesMentionsEditsAndTheBell() throws Exception {
        Api api = new Api(base);
        SignedIn ann = Accounts.signUp(api, "Ann Lee");
        SignedIn ben = Accounts.signUp(new Api(base), "Ben Park");
        String workspace = org.moim.it.Chat.workspace(base, ann, ben);
        String board = created(api.post("/api/v1/workspaces/" + workspace + "/boards", Api.json("name", "Launch"), ann.accessToken()))
                .getString("id");
        String boardUrl = base + "#/w/" + workspace + "/boards/" + board;
        // Ben's accepting the invitation told Ann; that is not what this journey counts.
        assertThat(api.post("/api/v1/me/notifications/read-all", Api.json(), ann.accessToken()).status()).isEqualTo(200);

        Browser anns = browser;
        Browser bens = browsers.start("ben");
        signInThroughTheUi(ann.email());
        anns.open(boardUrl);
        anns.awaitText("board-title", "Launch");
        anns.click("board-chat-toggle");
        anns.awaitText("chat-status", "No messages yet. Say hello!");
        anns.awaitText("chat-title", "# Launch");

        signIn(bens, ben.email());
        bens.open(boardUrl);
        bens.awaitText("board-title", "Launch");
        bens.click("board-chat-toggle");
        bens.awaitText("chat-status", "No messages yet. Say hello!");

        // Ann writes; Ben sees it without reloading, as the characters typed.
        String hello = "Hello from Ann <b>bold</b> https://example.com/plan";
        anns.type("chat-input", hello + Keys.ENTER);
        awaitMessage(anns, hello);
        awaitMessage(bens, hello);
        bens.await("Ann's name on her message", d -> "Ann Lee".equals(within(message(bens, hello), "chat-sender").getText()));
        assertThat(bens.driver().findElements(By.cssSelector("[data-testid='chat-panel'] b"))).isEmpty();
        bens.await("the link in it", d -> "https://example.com/plan".equals(within(message(bens, hello), "chat-text")
                .findElement(By.tagName("a")).getDomAttribute("href")));

        // Ben replies to it; Ann sees the reply with the quote.
        messageAction(bens, hello, "chat-reply");
        bens.visible("chat-reply-bar");
        bens.type("chat-input", "Got it" + Keys.ENTER);
        awaitMessage(anns, "Got it");
        anns.await("the reply to quote Ann's message", d -> {
            String quoted = within(message(anns, "Got it"), "chat-quote").getText();
            return quoted.contains("Ann Lee") && quoted.contains("Hello from Ann");
        });

        // Ann reacts; Ben sees the reaction.
        messageAction(anns, "Got it", "chat-react");
        anns.await("the emoji picker", d -> message(anns, "Got it").findElements(testId("chat-picker-emoji")).stream()
                .anyMatch(WebElement::isDisplayed));
        message(anns, "Got it").findElement(By.cssSelector("[data-testid='chat-picker-emoji'][data-emoji='👍']")).click();
        bens.await("Ann's reaction", d -> message(bens, "Got it").findElements(testId("chat-reaction")).stream()
                .anyMatch(chip -> chip.getText().replaceAll("\\s+", "").equals("👍1")));

        // Ben is typing: Ann is told who.
        bens.type("chat-input", "thinking");
        anns.awaitText("chat-typing", "Ben Park is typing…");
        bens.visible("chat-input").clear();

        // Ann closes the chat; Ben mentions her (picked from the suggestions): her bell and unread count rise.
        anns.click("board-chat-toggle");
        anns.await("the chat to close", d -> anns.all("chat-panel").isEmpty());
        anns.await("nothing unread", d -> !d.findElement(testId("nav-chat-count")).isDisplayed());
        bens.type("chat-input", "@An");
        bens.awaitText("chat-suggestion", "Ann Lee");
        bens.keys(Keys.ENTER);
        bens.keys("please review" + Keys.ENTER);
        awaitMessage(bens, "@Ann Lee please review");
        anns.awaitText("bell-count", "1");
        anns.awaitText("nav-chat-count", "1");

        // The notification leads to the message, which mentions her; reading it clears both counts.
        anns.click("bell");
        anns.awaitText("bell-item-title", "Ben Park mentioned you in a chat");
        anns.click("bell-item-link");
        awaitMessage(anns, "@Ann Lee please review");
        anns.await("her name highlighted", d -> "@Ann Lee".equals(within(message(anns, "@Ann Lee please review"), "mention-me").getText()));
        assertThat(anns.driver().getCurrentUrl()).contains("#/w/" + workspace + "/chat/");
        anns.await("the unread count to clear", d -> !d.findElement(testId("nav-chat-count")).isDisplayed());
        anns.await("the bell to clear", d -> !d.findElement(testId("bell-count")).isDisplayed());
        anns.awaitText("conversation-name", "Launch");

        // Ben edits his reply; Ann sees the new text, marked edited.
        messageAction(bens, "Got it", "chat-edit");
        WebElement editor = bens.visible("chat-edit-input");
        editor.clear();
        editor.sendKeys("Got it, thanks" + Keys.ENTER);
        awaitMessage(anns, "Got it, thanks");
        anns.await("the edit to be marked", d -> "(edited)".equals(within(message(anns, "Got it, thanks"), "chat-edited").getText()));
        anns.screenshot(testName + "-ann");

        assertQuietConsole();
        List<String> bensConsole = bens.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(bensConsole).as("Ben's browser console warnings and errors").isEmpty();
    }

    /**
     * A direct conversation survives a dropped socket: while it is down the panel says
     * "Reconnecting…" and a message written meanwhile waits; once it is back, the messages the
     * other person sent in between are replayed and the waiting one goes out, each exactly once.
     */
    @Test
    void aDirectConversationResumesAfterTheConnectionDropsWithoutLosingOrRepeatingMessages() throws Exception {
        Api api = new Api(base);
        SignedIn cho = Accounts.signUp(api, "Cho Min");
        SignedIn dae = Accounts.signUp(new Api(base), "Dae Han");
        String workspace = org.moim.it.Chat.workspace(base, cho, dae);
        String channel = org.moim.it.Chat.direct(base, workspace, dae, cho);
        org.moim.it.WsClient daes = org.moim.it.Chat.connect(base, dae);
        try {
            signInThroughTheUi(cho.email());
            browser.open(base + "#/w/" + workspace + "/chat/" + channel);
            browser.awaitText("chat-title", "Dae Han");
            browser.awaitText("conversation-name", "Dae Han");
            browser.awaitText("chat-status", "No messages yet. Say hello!");
            org.moim.it.Chat.send(daes, channel, "before the drop", "k1");
            awaitMessage(browser, "before the drop");

            browser.script("window.moimRealtimeTest.hold()");
            browser.awaitText("chat-reconnecting", "Reconnecting… Messages you send now go out once the connection is back.");
            browser.type("chat-input", "written while offline" + Keys.ENTER);
            browser.await("the message to wait", d -> "waiting".equals(d.findElement(testId("chat-pending")).getDomAttribute("data-status")));
            org.moim.it.Chat.send(daes, channel, "missed one", "k2");
            org.moim.it.Chat.send(daes, channel, "missed two", "k3");

            browser.script("window.moimRealtimeTest.release()");
            awaitMessage(browser, "written while offline");
            browser.await("no pending message", d -> browser.all("chat-pending").isEmpty());
            browser.await("the banner to go", d -> !d.findElement(testId("chat-reconnecting")).isDisplayed());
            browser.await("every message once, in order", d -> texts().equals(
                    List.of("before the drop", "missed one", "missed two", "written while offline")));

            var stored = api.get("/api/v1/channels/" + channel + "/messages", cho.accessToken()).json().getJsonArray("items");
            assertThat(stored.stream().map(m -> m.asJsonObject().getString("text")).toList())
                    .containsExactly("before the drop", "missed one", "missed two", "written while offline");
            browser.screenshot(testName + "-resumed");
            assertQuietConsole();
        } finally {
            daes.close();
        }
    }

    private List<String> texts() {
        return browser.all("chat-message").stream()
                .flatMap(m -> m.findElements(testId("chat-text")).stream().map(WebElement::getText)).toList();
    }

    private WebElement message(Browser who, String text) {
        return who.all("chat-message").stream()
                .filter(m -> m.findElements(testId("chat-text")).stream().anyMatch(t -> text.equals(t.getText())))
                .findFirst().orElse(null);
    }

    private WebElement awaitMessage(Browser who, String text) {
        return who.await("the message '" + text + "'", d -> message(who, text));
    }

    /** Points at a message (its actions show on hover) and presses one of them. */
    private void messageAction(Browser who, String text, String action) {
        WebElement target = awaitMessage(who, text);
        new org.openqa.selenium.interactions.Actions(who.driver()).moveToElement(target).perform();
        who.await(action + " on '" + text + "'", d -> {
            List<WebElement> buttons = message(who, text).findElements(testId(action));
            return !buttons.isEmpty() && buttons.get(0).isDisplayed() ? buttons.get(0) : null;
        }).click();
    }

    private void signIn(Browser who, String email) {
        who.signIn(base, email);
    }

    private WebElement memberRow(String name) {
        return browser.await("the member " + name, d -> browser.all("member-row").stream()
                .filter(row -> name.equals(row.findElement(testId("member-name")).getText())).findFirst().orElse(null));
    }

    /** The member's role as the owner's API sees it, or null when they are not a member. */
    private String roleOf(Api api, SignedIn asker, String workspace, String email) {
        return api.get("/api/v1/workspaces/" + workspace + "/members", asker.accessToken()).items().stream()
                .map(m -> m.asJsonObject()).filter(m -> m.getString("email").equals(email))
                .map(m -> m.getString("role")).findFirst().orElse(null);
    }

    /**
     * The Files page: an image chosen in the file input uploads with a progress bar that reaches
     * 100 %, its thumbnail appears once the background job has made it, and the page's download
     * link hands over exactly the bytes that were uploaded, under the file's name.
     */
    @Test
    void anUploadedImageShowsItsThumbnailAndDownloadsByteForByte() throws Exception {
        Api api = new Api(base);
        SignedIn owner = Accounts.signUp(api, "File Keeper");
        String workspace = created(api.post("/api/v1/workspaces", Api.json("name", "Archive"), owner.accessToken())).getString("id");
        byte[] png = smallPng();
        java.nio.file.Path image = java.nio.file.Files.createTempFile("moim-browser-", ".png");
        try {
            java.nio.file.Files.write(image, png);
            signInThroughTheUi(owner.email());
            browser.open(base + "#/w/" + workspace + "/files");
            browser.awaitText("page-title", "Files");
            browser.awaitText("files-status", "No files yet. Upload one, or drop it here.");

            browser.driver().findElement(testId("files-input")).sendKeys(image.toAbsolutePath().toString());
            WebElement upload = browser.await("the upload to finish", d -> browser.all("upload-row").stream()
                    .filter(row -> "done".equals(row.getDomAttribute("data-state"))).findFirst().orElse(null));
            assertThat(within(upload, "upload-name").getText()).isEqualTo(image.getFileName().toString());
            assertThat(within(upload, "upload-progress").getDomProperty("value")).isEqualTo("100");
            assertThat(within(upload, "upload-percent").getText()).isEqualTo("100%");
            assertThat(within(upload, "upload-message").getText()).isEqualTo("Uploaded");

            // The list redraws as the upload settles: the row is read inside the wait, which retries a stale one.
            String fileId = browser.await("the file in the list", d -> browser.all("file-row").stream()
                    .filter(row -> image.getFileName().toString().equals(within(row, "file-name").getText()))
                    .map(row -> row.getDomAttribute("data-file-id")).findFirst().orElse(null));
            // The thumbnail job ends and the row shows the thumbnail, loaded through a blob: URL.
            browser.await("the thumbnail", d -> Boolean.TRUE.equals(browser.script(
                    "const img = document.querySelector(\"[data-file-id='\" + arguments[0] + \"'] [data-testid='file-thumbnail']\");"
                            + "return !!img && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0;", fileId)));
            assertThat(browser.all("file-thumb-pending")).isEmpty();
            jakarta.json.JsonObject file = api.get("/api/v1/files/" + fileId, owner.accessToken()).json();
            assertThat(file.getString("thumbnail")).isEqualTo("ready");
            assertThat(file.getString("sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(png)));
            browser.await("the usage meter", d -> browser.textOf("files-usage").endsWith(" used · 1 file"));

            // The download link: it names the API's content URL; a click fetches it with the session's token
            // and hands the bytes to the browser under the file's (safe) name. The test catches that hand-over.
            WebElement link = within(browser.await("the row again", d -> browser.all("file-row").get(0)), "file-download");
            assertThat(link.getDomAttribute("href")).endsWith("/api/v1/files/" + fileId + "/content?download=true");
            @SuppressWarnings("unchecked")
            Map<String, Object> saved = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const [link, done] = arguments;
                    // The page's CSP lets nothing fetch a blob: URL, so the Blob behind it is kept when it is made.
                    const made = new Map();
                    const createObjectURL = URL.createObjectURL;
                    URL.createObjectURL = (blob) => {
                      const url = createObjectURL.call(URL, blob);
                      made.set(url, blob);
                      return url;
                    };
                    document.addEventListener('click', async (event) => {
                      const a = event.target;
                      if (!(a instanceof HTMLAnchorElement) || !made.has(a.href)) return;
                      event.preventDefault();
                      URL.createObjectURL = createObjectURL;
                      const bytes = new Uint8Array(await made.get(a.href).arrayBuffer());
                      let binary = '';
                      bytes.forEach((b) => { binary += String.fromCharCode(b); });
                      done({ name: a.download, base64: btoa(binary) });
                    }, { capture: true });
                    link.click();
                    """, link);
            assertThat(saved.get("name")).isEqualTo(image.getFileName().toString());
            assertThat(java.util.Base64.getDecoder().decode((String) saved.get("base64"))).isEqualTo(png);
            browser.screenshot(testName + "-files");
            assertQuietConsole();
        } finally {
            java.nio.file.Files.deleteIfExists(image);
        }
    }

    /** A 40×30 PNG with a gradient, so its thumbnail is a real image. */
    private static byte[] smallPng() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 0x80);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * No warnings or errors in the browser console (script errors, CSP refusals, missing
     * translations, failed requests), apart from the ones the journey caused on purpose.
     */
    private void assertQuietConsole(String... expected) {
        List<String> unexpected = browser.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> Arrays.stream(expected).noneMatch(message::contains))
                .toList();
        assertThat(unexpected).as("browser console warnings and errors").isEmpty();
    }

    private void signInThroughTheUi(String email) {
        browser.signIn(base, email);
    }

    /** Waits for a toast with this message (a toast stays 5 s; its icon is left out). */
    private void awaitToast(String message) {
        browser.await(() -> "a toast saying '" + message + "' (now '" + toastText() + "')",
                d -> message.equals(toastText()));
    }

    private String toastText() {
        List<WebElement> texts = browser.driver().findElements(By.cssSelector("[data-testid='toast'] .toast-text"));
        return texts.isEmpty() ? null : texts.get(0).getText();
    }

    private void awaitSessionRows(int count) {
        browser.await(() -> count + " session rows (now " + browser.all("session-row").size() + ")",
                d -> browser.all("session-row").size() == count
                        && d.findElement(testId("sessions")).getDomAttribute("aria-busy") == null);
    }

    private static jakarta.json.JsonObject created(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    private WebElement day(String date) {
        return browser.await("the day " + date, d -> d.findElements(By.cssSelector("[data-testid='calendar-day'][data-date='" + date + "']"))
                .stream().findFirst().orElse(null));
    }

    private String workspaceIdFromUrl() {
        String url = browser.driver().getCurrentUrl();
        assertThat(url).contains("#/w/");
        return url.replaceAll(".*#/w/([^/?]+).*", "$1");
    }

    private WebElement list(String name) {
        return browser.await("the list " + name, d -> browser.all("list").stream()
                .filter(list -> name.equals(list.findElement(testId("list-title")).getText()))
                .findFirst().orElse(null));
    }

    private List<String> listNames() {
        return browser.all("list-title").stream().map(WebElement::getText).toList();
    }

    private void awaitLists(String... names) {
        browser.await(() -> "lists " + List.of(names) + " (now " + listNames() + ")", d -> listNames().equals(List.of(names)));
    }

    private List<String> cardTitles(String listName) {
        return list(listName).findElements(testId("card-title")).stream().map(WebElement::getText).toList();
    }

    private WebElement card(String title) {
        return browser.await("the card " + title, d -> browser.all("card").stream()
                .filter(card -> title.equals(card.findElement(testId("card-title")).getText()))
                .findFirst().orElse(null));
    }

    /** Waits until the server's board view has these cards in these lists, in this order. */
    private void awaitBoard(SignedIn who, String boardId, Map<String, List<String>> expected) {
        Api api = new Api(base);
        String workspaceId = workspaceIdFromUrl();
        browser.await(() -> "the server to have " + expected, d -> {
            Api.Reply board = api.get("/api/v1/workspaces/" + workspaceId + "/boards/" + boardId, who.accessToken());
            Map<String, List<String>> actual = new java.util.HashMap<>();
            for (var list : board.json().getJsonArray("lists")) {
                actual.put(list.asJsonObject().getString("name"), list.asJsonObject().getJsonArray("cards").stream()
                        .map(c -> c.asJsonObject().getString("title")).toList());
            }
            return actual.equals(expected);
        });
    }

    private static Set<String> sessionIds(List<WebElement> rows) {
        return rows.stream().map(row -> row.getDomAttribute("data-session-id")).collect(Collectors.toSet());
    }
}
