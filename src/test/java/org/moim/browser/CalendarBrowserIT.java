package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The calendar's "Subscribe" dialog, as a person uses it: from the calendar's toolbar Mina makes
 * her private iCalendar feed, copies its link (which a calendar app then reads without signing
 * in, her event in it), makes a new link in Korean (the old one stops at once), and turns the
 * feed off. Screenshots of the dialog in English and Korean at 1280 and 390 px
 * (target/browser-screenshots/calendar-feed-*.png).
 */
@ExtendWith(ArquillianExtension.class)
class CalendarBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private Browser browser;

    private final HttpClient calendarApp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void aPersonSubscribesToHerCalendarRotatesTheLinkAndTurnsTheFeedOff() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        String workspace = Chat.workspace(base, mina);
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        Api.Reply event = api.post("/api/v1/workspaces/" + workspace + "/calendar/events", Json.createObjectBuilder()
                .add("title", "분기 회의 Quarterly review").add("allDay", true).add("start", day).build(), mina.accessToken());
        assertThat(event.status()).as(event.toString()).isEqualTo(201);

        browser = browsers.start("mina");
        browser.signIn(base, mina.email());

        // From the sidebar to the calendar, and its Subscribe button.
        browser.click("nav-calendar");
        browser.visible("calendar-grid");
        pageShots("calendar-page-en");
        browser.click("calendar-subscribe");
        browser.visible("feed-dialog");
        browser.visible("feed-none");
        shots("calendar-feed-none", "en");
        browser.click("feed-create");
        String first = browser.visible("feed-url").getDomProperty("value");
        assertThat(first).startsWith(base.toString()).contains("/calendar/feeds/").endsWith(".ics");
        assertThat(browser.all("feed-apps").getFirst().getText()).contains("Outlook", "Google Calendar", "Apple Calendar");
        HttpResponse<String> feed = fetch(first);
        assertThat(feed.statusCode()).as("a calendar app reads the link, signed in to nothing").isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(feed.body()).contains("BEGIN:VCALENDAR", "분기 회의 Quarterly review");
        shots("calendar-feed-link", "en");

        // Closed and opened again, in Korean: the feed is on, its link no longer shown.
        browser.click("feed-dialog-close");
        browser.await("the dialog closed", d -> browser.all("feed-dialog").isEmpty());
        browser.click("lang-ko");
        browser.await("the page in Korean", d -> "ko".equals(browser.htmlLang()));
        browser.click("calendar-subscribe");
        browser.visible("feed-existing");
        assertThat(browser.all("feed-url")).as("the link is shown once").isEmpty();
        assertThat(browser.textOf("feed-rotate")).isEqualTo("새 링크");
        shots("calendar-feed-existing", "ko");

        // A new link: the old one stops at once.
        browser.click("feed-rotate");
        browser.click("feed-rotate-confirm-ok");
        browser.await("a new link", d -> !browser.all("feed-url").isEmpty()
                && !first.equals(browser.all("feed-url").getFirst().getDomProperty("value")));
        String second = browser.visible("feed-url").getDomProperty("value");
        assertThat(fetch(first).statusCode()).as("the rotated link").isEqualTo(404);
        assertThat(fetch(second).statusCode()).as("the new link").isEqualTo(200);
        shots("calendar-feed-link", "ko");

        // Turned off: no link works, and the dialog offers to make one.
        browser.click("feed-revoke");
        browser.click("feed-revoke-confirm-ok");
        browser.visible("feed-none");
        assertThat(fetch(second).statusCode()).as("the revoked link").isEqualTo(404);
        assertThat(api.get("/api/v1/me/calendar-feed", mina.accessToken()).json().getBoolean("active")).isFalse();
        shots("calendar-feed-none", "ko");
    }

    private HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        return calendarApp.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The calendar itself at 1280 and 390 px: the page never scrolls sideways, Subscribe stays in reach. */
    private void pageShots(String name) throws IOException {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        Files.createDirectories(Browser.SCREENSHOTS);
        for (int width : List.of(1280, 390)) {
            window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
            browser.visible("calendar-subscribe");
            Object sideways = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) sideways).intValue()).as("%s %d px: the page scrolls sideways by", name, width).isLessThanOrEqualTo(0);
            Files.write(Browser.SCREENSHOTS.resolve(name + "-" + width + ".png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
        window.setSize(wide);
    }

    /**
     * The open dialog at 1280 and 390 px, checking that neither the page nor the dialog is wider
     * than the window (nothing to scroll sideways, no control cut off).
     */
    private void shots(String name, String language) throws IOException {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        Files.createDirectories(Browser.SCREENSHOTS);
        for (int width : List.of(1280, 390)) {
            window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
            browser.visible("feed-dialog");
            String overflowing = (String) browser.script("""
                    const dialog = document.querySelector('[data-testid="feed-dialog"]');
                    const out = [...dialog.querySelectorAll('button, input, h2, h3, p, li')].filter((e) => e.offsetParent)
                        .filter((e) => e.getBoundingClientRect().right > Math.ceil(dialog.getBoundingClientRect().right)
                            || e.getBoundingClientRect().left < 0);
                    if (dialog.getBoundingClientRect().right > window.innerWidth) out.unshift(dialog);
                    return out.map((e) => e.outerHTML.slice(0, 80)).join(' | ');""");
            assertThat(overflowing).as("%s %s %d px: past the dialog's or the window's edge", name, language, width).isEmpty();
            Files.write(Browser.SCREENSHOTS.resolve(name + "-" + language + "-" + width + ".png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
        window.setSize(wide);
    }
}
