package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Deployments;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The sign-in page's first load stays small (docs/performance.md, "First load"): read from the
 * browser's own Resource Timing entries, a cold load (fresh profile, empty cache) fetches only
 * the sign-in page's modules and the active language's dictionary, in at most 15 requests and
 * 150 KB over the wire; none of the signed-in app's screens (shell, board, chat, calendar, files,
 * gallery, admin, calls). A second visit takes the versioned assets from the cache. The other
 * language arrives when the person switches to it. Screenshots of the sign-in page, en/ko, 1280
 * and 390 px wide: {@code first-load-<lang>-<width>.png}.
 */
@ExtendWith(ArquillianExtension.class)
class FirstLoadBrowserIT {

    static final int MAX_REQUESTS = 15;
    static final long MAX_TRANSFERRED = 150 * 1024;
    /** Modules of the signed-in app that the sign-in page must not load. */
    static final Pattern SIGNED_IN_CODE = Pattern.compile(
            "/assets/.*(/views/(shell|board|boards|card-dialog|calendar|files|gallery|admin|messages|members|settings|billing)\\.js"
                    + "|/board/|/chat/|/call/|/search/)");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.saveConsole("first-load");
            browser.close();
        }
    }

    @Test
    void theSignInPageLoadsOnlyItsOwnCodeAndLanguageCompressedAndThenFromTheCache() throws Exception {
        browser = Browser.start();
        browser.open(base.toString());
        signInPage();
        List<Map<String, Object>> cold = loaded();
        List<String> names = cold.stream().map(e -> (String) e.get("name")).toList();

        assertThat(names).anyMatch(n -> n.endsWith("/i18n/en.json")).noneMatch(n -> n.endsWith("/i18n/ko.json"));
        assertThat(names).as("signed-in code on the sign-in page").noneMatch(n -> SIGNED_IN_CODE.matcher(n).find());
        assertThat(names).as("assets under the build's versioned path")
                .filteredOn(n -> n.contains("/assets/")).allMatch(n -> n.contains("/assets/v/"));
        assertThat(cold).as("requests of a cold load: %s", names).hasSizeLessThanOrEqualTo(MAX_REQUESTS);
        assertThat(transferred(cold)).as("bytes over the wire of a cold load").isLessThanOrEqualTo(MAX_TRANSFERRED);
        Map<String, Object> dictionary = cold.stream().filter(e -> ((String) e.get("name")).endsWith("/en.json")).findFirst().orElseThrow();
        assertThat(((Number) dictionary.get("encodedBodySize")).longValue()).as("the dictionary arrives compressed")
                .isLessThan(((Number) dictionary.get("decodedBodySize")).longValue() / 2);
        shots("first-load-en");

        // A second visit: index.html is asked again (revalidated), every versioned asset comes from the cache.
        browser.open("about:blank");
        browser.open(base.toString());
        signInPage();
        List<Map<String, Object>> warm = loaded();
        assertThat(warm).filteredOn(e -> ((String) e.get("name")).contains("/assets/v/")).isNotEmpty()
                .allSatisfy(e -> assertThat(((Number) e.get("transferSize")).longValue()).as("%s from the cache", e.get("name")).isZero());

        // Korean: its dictionary is fetched on the switch, and the page reads in Korean.
        browser.click("lang-ko");
        browser.await("the page in Korean", d -> "ko".equals(browser.htmlLang()));
        browser.awaitText("login-submit", "로그인");
        assertThat(loaded()).extracting(e -> (String) e.get("name")).anyMatch(n -> n.endsWith("/i18n/ko.json"));
        shots("first-load-ko");
    }

    @Test
    void aKoreanVisitorsFirstLoadFetchesOnlyTheKoreanDictionary() throws Exception {
        browser = Browser.start();
        browser.open(base.toString());
        signInPage();
        browser.script("localStorage.setItem('moim.lang', 'ko')");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.reload();
        signInPage();
        browser.awaitText("login-submit", "로그인");
        List<Map<String, Object>> cold = loaded();
        assertThat(cold).extracting(e -> (String) e.get("name"))
                .anyMatch(n -> n.endsWith("/i18n/ko.json")).noneMatch(n -> n.endsWith("/i18n/en.json"));
        assertThat(cold).hasSizeLessThanOrEqualTo(MAX_REQUESTS);
        assertThat(transferred(cold)).isLessThanOrEqualTo(MAX_TRANSFERRED);
    }

    private void signInPage() {
        browser.awaitState("signed-out");
        browser.visible("login-submit");
    }

    /** The page's navigation and every resource it fetched so far (Resource Timing). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> loaded() {
        return (List<Map<String, Object>>) browser.script("""
                return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                    .map(e => ({name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize,
                                decodedBodySize: e.decodedBodySize}));
                """);
    }

    private static long transferred(List<Map<String, Object>> entries) {
        return entries.stream().mapToLong(e -> ((Number) e.get("transferSize")).longValue()).sum();
    }

    /** The page at 1280 and at 390 px wide; it must not be wider than the window. */
    private void shots(String name) {
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
