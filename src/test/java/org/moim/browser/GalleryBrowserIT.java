package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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
 * The gallery in two real browsers (issue 17, item 2). Mina uploads three photos on the Files
 * page; Joon opens Gallery from the side navigation, sees them in a grid under today's date, opens
 * one full size, moves with the arrow keys, the next button and a swipe, downloads the very bytes,
 * reacts and comments with a mention picked from the suggestions. Mina's bell rises; its
 * notification opens the gallery's viewer on that picture with Joon's comment and reaction.
 * Screenshots of the grid and the viewer in English and Korean at 1280 and 390 px land in
 * target/browser-screenshots/gallery-*.png.
 */
@ExtendWith(ArquillianExtension.class)
class GalleryBrowserIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;


    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void joonBrowsesMinasPicturesCommentsAndReactsAndMinaIsTold() throws Exception {
        SignedIn mina = Accounts.signUp(new Api(base), "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        Chat.workspace(base, mina, joon);
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        Browser minas = signedIn("mina", mina, Map.of());
        Browser joons = signedIn("joon", joon, Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));

        // Mina uploads three photos on the Files page.
        Path red = png(temp.resolve("red.png"), 640, 480, new Color(0xd9534f));
        Path green = png(temp.resolve("green.png"), 480, 640, new Color(0x5cb85c));
        Path blue = png(temp.resolve("blue.png"), 800, 450, new Color(0x4f46e5));
        minas.click("nav-files");
        minas.visible("files-page");
        for (Path photo : List.of(red, green, blue)) {
            minas.driver().findElement(Browser.testId("files-input")).sendKeys(photo.toAbsolutePath().toString());
            String name = photo.getFileName().toString();
            minas.await(name + " in the list", d -> minas.all("file-name").stream().anyMatch(e -> e.getText().equals(name)));
        }

        // Joon opens the gallery from the side navigation: three tiles under today's date, thumbnails made.
        joons.click("nav-gallery");
        joons.visible("gallery-page");
        joons.await("three thumbnails", d -> {
            List<WebElement> tiles = joons.all("gallery-tile");
            if (tiles.size() != 3) {
                joons.click("nav-gallery");
                return false;
            }
            return tiles.stream().allMatch(t -> "ready".equals(t.getDomAttribute("data-state")));
        });
        assertThat(joons.all("gallery-day")).hasSize(1);
        assertThat(tileNames(joons)).containsExactly("blue.png", "green.png", "red.png");

        // The newest opens full size; the arrow keys, the next button and a swipe move through them.
        joons.all("gallery-tile").get(0).click();
        joons.visible("gallery-dialog");
        awaitFull(joons, 800);
        assertThat(joons.textOf("gallery-uploader")).isEqualTo("Mina");
        assertThat(joons.textOf("gallery-date")).isNotBlank();
        joons.keys(Keys.ARROW_RIGHT);
        awaitFull(joons, 480);
        joons.click("gallery-next");
        awaitFull(joons, 640);
        joons.keys(Keys.ARROW_LEFT);
        awaitFull(joons, 480);
        swipe(joons, -120);
        awaitFull(joons, 640);
        swipe(joons, 120);
        awaitFull(joons, 480);

        // Download saves the very bytes.
        joons.click("gallery-download");
        Path saved = downloads.resolve("green.png");
        joons.await("green.png in the download folder", d -> Files.exists(saved) && sameBytes(saved, green));

        // Joon reacts and comments, mentioning Mina from the suggestions.
        WebElement love = reaction(joons, "love");
        love.click();
        joons.await("love given", d -> "true".equals(reaction(joons, "love").getDomAttribute("aria-pressed"))
                && "1".equals(Browser.within(reaction(joons, "love"), "gallery-reaction-count").getText()));
        joons.visible("gallery-comment-input").sendKeys("Lovely colour @Mi");
        joons.await("the mention suggestion", d -> joons.all("mention-option").stream().anyMatch(o -> o.getText().contains("Mina")));
        joons.all("mention-option").stream().filter(o -> o.getText().contains("Mina")).findFirst().orElseThrow().click();
        joons.click("gallery-comment-send");
        joons.await("the comment under the picture", d -> joons.all("gallery-comment-body").stream()
                .anyMatch(b -> b.getText().contains("Lovely colour") && b.getText().contains("@Mina")));
        assertThat(joons.all("mention-not-delivered")).isEmpty();
        gridAndViewerShots(joons);

        // Mina's bell: Joon's mention (instead of the comment notice) and his reaction; the mention opens the viewer.
        minas.click("bell");
        minas.await("Joon's mention and reaction in the bell", d -> {
            List<String> titles = minas.all("bell-item-title").stream().map(WebElement::getText).toList();
            return titles.contains("Joon mentioned you in a comment on “green.png”")
                    && titles.contains("Joon reacted (love) to your picture “green.png”");
        });
        minas.all("bell-item-link").stream().filter(l -> l.getText().contains("mentioned you")).findFirst().orElseThrow().click();
        minas.visible("gallery-dialog");
        awaitFull(minas, 480);
        minas.await("Joon's comment in Mina's viewer", d -> minas.all("gallery-comment-body").stream()
                .anyMatch(b -> b.getText().contains("Lovely colour")));
        minas.await("Joon's reaction counted", d -> "1".equals(Browser.within(reaction(minas, "love"), "gallery-reaction-count").getText())
                && "false".equals(reaction(minas, "love").getDomAttribute("aria-pressed")));
        minas.keys(Keys.ESCAPE);
        minas.await("the viewer to close", d -> !(Boolean) minas.script("return !!document.querySelector('dialog[open]')"));
        assertThat(minas.all("gallery-tile")).hasSize(3);
    }

    // ---------------------------------------------------------------------------------------------

    private Browser signedIn(String who, SignedIn account, Map<String, Object> preferences) throws IOException {
        return browsers.signedIn(who, base, account.email(), List.of(), preferences);
    }

    private static List<String> tileNames(Browser browser) {
        return browser.all("gallery-tile").stream().map(t -> t.getDomAttribute("title")).toList();
    }

    private static WebElement reaction(Browser browser, String code) {
        return browser.all("gallery-reaction").stream().filter(r -> code.equals(r.getDomAttribute("data-code"))).findFirst().orElseThrow();
    }

    /** The viewer shows the full-size picture of this width. */
    private static void awaitFull(Browser browser, int width) {
        browser.await("the full-size picture " + width + " px wide", d -> {
            Object shown = browser.script("const img = document.querySelector(\"[data-testid='gallery-full']\");"
                    + " return img && img.complete && img.src ? img.naturalWidth : 0");
            return ((Number) shown).intValue() == width;
        });
    }

    /** A finger moving dx pixels across the picture (negative: to the left). */
    private static void swipe(Browser browser, int dx) {
        browser.script("""
                const stage = document.querySelector("[data-testid='gallery-stage']");
                const r = stage.getBoundingClientRect();
                const at = (x) => new Touch({ identifier: 1, target: stage, clientX: x, clientY: r.top + r.height / 2 });
                const x0 = r.left + r.width / 2;
                stage.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [at(x0)], touches: [at(x0)], bubbles: true }));
                stage.dispatchEvent(new TouchEvent('touchend', { changedTouches: [at(x0 + arguments[0])], touches: [], bubbles: true }));
                """, dx);
    }

    /** The grid and the viewer in English and Korean at 1280 and 390 px; nothing past the window's right edge. */
    private static void gridAndViewerShots(Browser browser) throws IOException {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        Files.createDirectories(Browser.SCREENSHOTS);
        for (String language : List.of("en", "ko")) {
            for (int width : List.of(1280, 390)) {
                window.setSize(new Dimension(width, width == 390 ? 844 : Math.max(800, wide.getHeight())));
                if (!language.equals(browser.htmlLang())) {
                    browser.keys(Keys.ESCAPE);
                    browser.await("the viewer closed", d -> !(Boolean) browser.script("return !!document.querySelector('dialog[open]')"));
                    if (width == 390) {
                        browser.driver().manage().window().setSize(new Dimension(1280, 800));
                    }
                    browser.click("lang-" + language);
                    browser.await("the page in " + language, d -> language.equals(browser.htmlLang()));
                    window.setSize(new Dimension(width, width == 390 ? 844 : Math.max(800, wide.getHeight())));
                }
                if ((Boolean) browser.script("return !!document.querySelector('dialog[open]')")) {
                    browser.keys(Keys.ESCAPE);
                    browser.await("the viewer closed", d -> !(Boolean) browser.script("return !!document.querySelector('dialog[open]')"));
                }
                assertNothingPastTheEdge(browser, "grid " + language + " " + width, "[data-testid='gallery-page']");
                Files.write(Browser.SCREENSHOTS.resolve("gallery-grid-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                browser.all("gallery-tile").get(1).click();
                browser.visible("gallery-dialog");
                awaitFull(browser, 480);
                browser.await("the comments", d -> !browser.all("gallery-comment").isEmpty());
                assertNothingPastTheEdge(browser, "viewer " + language + " " + width, "dialog[open]");
                Files.write(Browser.SCREENSHOTS.resolve("gallery-viewer-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            }
        }
        window.setSize(wide);
        browser.keys(Keys.ESCAPE);
        browser.await("the viewer closed", d -> !(Boolean) browser.script("return !!document.querySelector('dialog[open]')"));
        browser.click("lang-en");
        browser.await("the page in English again", d -> "en".equals(browser.htmlLang()));
    }

    private static void assertNothingPastTheEdge(Browser browser, String what, String scope) {
        Number overflow = (Number) browser.script("""
                const scope = document.querySelector(arguments[0]);
                return Math.max(0, ...[...scope.querySelectorAll('button, a, input, textarea, img, h2, time')].filter((e) => e.offsetParent)
                    .map((e) => e.getBoundingClientRect().right)) - document.documentElement.clientWidth;""", scope);
        assertThat(overflow.doubleValue()).as("%s: something past the window's right edge", what).isLessThanOrEqualTo(0);
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path png(Path path, int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ImageIO.write(image, "png", path.toFile());
        return path;
    }
}
