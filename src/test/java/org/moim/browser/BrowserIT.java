package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.browser.Browser.testId;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Deployments;
import org.moim.it.Tokens;
import org.openqa.selenium.By;
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

    /** Runs after the test method but before {@link #closeBrowser()}, while the page is still there. */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = new AfterTestExecutionCallback() {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (browser == null) {
                return;
            }
            String name = context.getRequiredTestMethod().getName();
            browser.saveConsole(name);
            if (context.getExecutionException().isPresent()) {
                System.err.println("Screenshot of the failure: " + browser.screenshot(name).toAbsolutePath()
                        + " (state " + browser.state() + ", " + browser.driver().getCurrentUrl() + ")");
            }
        }
    };

    @BeforeEach
    void openBrowser(TestInfo info) throws Exception {
        testName = info.getTestMethod().orElseThrow().getName();
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
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
        browser.awaitText("welcome", "Welcome, " + name);
        assertThat(browser.htmlLang()).isEqualTo("en");
        String firstRefresh = browser.localStorage(REFRESH_KEY);
        assertThat(firstRefresh).as("refresh token kept in localStorage").isNotBlank();

        // A reload keeps the session: the stored refresh token is exchanged (and rotated).
        browser.reload();
        browser.awaitState("signed-in");
        browser.awaitText("user-name", name);
        browser.awaitText("welcome", "Welcome, " + name);
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
        browser.open(base.toString());
        browser.awaitState("signed-out");
        browser.type("login-email", email);
        browser.type("login-password", Accounts.PASSWORD);
        browser.click("login-submit");
        browser.awaitState("signed-in");
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

    private static Set<String> sessionIds(List<WebElement> rows) {
        return rows.stream().map(row -> row.getDomAttribute("data-session-id")).collect(Collectors.toSet());
    }
}
