package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Api;
import org.moim.it.Deployments;
import org.moim.it.Keycloak;
import org.moim.it.OidcItConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * An instance that signs people in only through its identity provider (passwords off): someone
 * presses "Sign in with Keycloak", signs in on Keycloak's own page, lands in Moim signed in and
 * signs out of both again; a forged callback lands on the sign-in screen with its reason. Screenshots of
 * the sign-in screen, en/ko, 1280 and 390 px wide: target/browser-screenshots/oidc-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class OidcBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        Keycloak keycloak = Keycloak.shared();
        OidcItConfig.write(Map.of(
                "moim.oidc.issuer", keycloak.issuer(),
                "moim.oidc.client-id", Keycloak.CLIENT_ID,
                "moim.oidc.client-secret", Keycloak.CLIENT_SECRET,
                "moim.oidc.button-label", "Keycloak",
                "moim.auth.password.enabled", "false",
                "moim.oidc.logout-at-provider", "true"));
        return Deployments.moim().addClass(OidcItConfig.class).addAsServiceProvider(ConfigSourceProvider.class, OidcItConfig.class);
    }

    @ArquillianResource
    URL base;


    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void someoneSignsInThroughTheProvidersOwnPageAndOutAgain() throws Exception {
        Browser browser = start();
        browser.open(base.toString());
        browser.awaitState("signed-out");
        browser.awaitText("sso-start", "Sign in with Keycloak");
        assertThat(browser.all("login-form")).as("no password form when passwords are off").isEmpty();
        assertThat(browser.all("show-register")).isEmpty();
        shots(browser, "oidc-sign-in-en");

        browser.click("sso-start");
        browser.await("Keycloak's login page", d -> !d.findElements(By.id("kc-login")).isEmpty());
        browser.driver().findElement(By.id("username")).sendKeys("browser");
        browser.driver().findElement(By.id("password")).sendKeys(Keycloak.passwordOf("browser"));
        browser.screenshot("oidc-keycloak-login");
        browser.driver().findElement(By.id("kc-login")).click();

        browser.awaitState("signed-in");
        browser.awaitText("user-name", "Browser Han");
        assertThat(browser.driver().getCurrentUrl()).as("the one-time code is gone from the address").doesNotContain("/oidc/");
        assertThat(browser.localStorage("moim.refresh")).isNotBlank();
        browser.screenshot("oidc-signed-in");

        // Signing out of Moim signs out at Keycloak too (RP-initiated logout), which asks first.
        browser.click("logout");
        browser.await("Keycloak's sign-out page", d -> !d.findElements(By.id("kc-logout")).isEmpty());
        assertThat(browser.localStorage("moim.refresh")).isNull();
        browser.driver().findElement(By.id("kc-logout")).click();
        browser.awaitState("signed-out");
        browser.visible("sso-start");

        // The provider's session is over: signing in again asks for the password again.
        browser.click("sso-start");
        browser.await("Keycloak's login page again", d -> !d.findElements(By.id("kc-login")).isEmpty());
    }

    @Test
    void theSignInScreenSpeaksKorean() throws Exception {
        Browser browser = start();
        browser.open(base.toString());
        browser.awaitState("signed-out");
        browser.visible("sso-start");
        browser.click("lang-ko");
        browser.await("the page in Korean", d -> "ko".equals(browser.htmlLang()));

        browser.awaitText("sso-start", "Keycloak(으)로 로그인");
        shots(browser, "oidc-sign-in-ko");
    }

    @Test
    void aForgedCallbackLandsOnTheSignInScreenWithItsReason() throws Exception {
        Browser browser = start();
        // What a link forged by someone else looks like: a callback this browser never started.
        browser.open(base.toString().replaceAll("/$", "") + "/api/v1/auth/oidc/callback?state=forged&code=forged");

        browser.awaitState("signed-out");
        String message = browser.awaitAnyText("auth-error");
        assertThat(message).contains("Sign in again").contains("oidc-state-invalid");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("problem");
        browser.visible("sso-start");
        shots(browser, "oidc-sign-in-problem-en");
    }

    @Test
    void thePasswordEndpointsAnswerAProblemWhenPasswordsAreOff() {
        Api api = new Api(base);

        assertThat(api.get("/api/v1/auth/methods", null).json().getBoolean("password")).isFalse();
        for (Api.Reply reply : List.of(
                api.post("/api/v1/auth/login", Api.json("email", "browser@moim.test", "password", Accounts.PASSWORD)),
                api.post("/api/v1/auth/register", Api.json("email", Api.newEmail("someone"), "password", Accounts.PASSWORD, "displayName", "Someone")),
                api.post("/api/v1/auth/password-reset", Api.json("email", "browser@moim.test")))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.problemType()).isEqualTo("/problems/password-sign-in-disabled");
        }
    }

    private Browser start() throws Exception {
        Browser browser = browsers.start("person-" + browsers.all().size());
        return browser;
    }

    private static void shots(Browser browser, String name) {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        for (int width : List.of(1280, 390)) {
            window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
            Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("%s at %d px: wider than the window", name, width).isLessThanOrEqualTo(0);
            browser.screenshot(name + "-" + width);
        }
        window.setSize(wide);
    }
}
