package org.moim.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.moim.it.Accounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly so
 * Selenium Manager never runs (the machine has no internet; nothing is ever downloaded). One
 * browser per test, with a fresh profile directory, so no storage leaks between journeys.
 */
final class Browser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    /*
     * Debian's Chromium is usually newer than the DevTools versions Selenium bundles, so Selenium
     * warns on every start that it has no matching CDP implementation. Nothing here uses one (the
     * full-page screenshot goes through chromedriver's own endpoint), so those two warnings are
     * dropped; anything else these loggers say still shows. Strong references keep the settings.
     */
    private static final Logger CDP_FINDER = quietAboutCdp("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CHROMIUM_DRIVER = quietAboutCdp("org.openqa.selenium.chromium.ChromiumDriver");

    private static Logger quietAboutCdp(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setFilter(entry -> entry.getMessage() == null
                || !(entry.getMessage().startsWith("Unable to find CDP implementation")
                || entry.getMessage().startsWith("Unable to find version of CDP")));
        return logger;
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        return start(List.of(), Map.of());
    }

    /** With more command-line switches (fake media devices, say) and profile preferences. */
    static Browser start(List<String> extraArguments, Map<String, Object> extraPreferences) throws IOException {
        File chromium = installed("chromium.binary", "/usr/bin/chromium");
        File chromedriver = installed("chromedriver.binary", "/usr/bin/chromedriver");

        Path profile = Files.createTempDirectory("moim-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                // The journeys expect an English browser; the app picks Korean for ko-* browsers.
                "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArguments);
        Map<String, Object> preferences = new HashMap<>(extraPreferences);
        preferences.put("intl.accept_languages", "en-US,en");
        options.setExperimentalOption("prefs", preferences);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
            return new Browser(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    private static File installed(String property, String fallback) {
        String path = System.getProperty(property, fallback);
        File file = new File(path);
        if (!file.isFile() || !file.canExecute()) {
            fail("No executable at " + path + " (system property " + property + "). The browser tests need "
                    + "Debian's Chromium and its driver: sudo apt-get install chromium chromium-driver, "
                    + "or pass -D" + property + "=<path> to Maven.");
        }
        return file;
    }

    WebDriver driver() {
        return driver;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** Opens the app at {@code base} signed out and signs in through the form with the tests' password. */
    void signIn(URL base, String email) {
        open(base.toString());
        awaitState("signed-out");
        type("login-email", email);
        type("login-password", Accounts.PASSWORD);
        click("login-submit");
        awaitState("signed-in");
    }

    void open(String url) {
        driver.get(url);
    }

    /** Reloads the page and returns once the old document is gone (the new one may still be booting). */
    void reload() {
        WebElement body = driver.findElement(By.tagName("body"));
        driver.navigate().refresh();
        await("the old page to go away", ExpectedConditions.stalenessOf(body));
    }

    /** Waits for {@code <body data-state>}: loading → signed-in | signed-out. */
    void awaitState(String state) {
        await(() -> "body[data-state=" + state + "] (now " + state() + ")",
                d -> state.equals(script("return document.body && document.body.dataset.state")));
    }

    String state() {
        try {
            return (String) script("return document.body && document.body.dataset.state");
        } catch (WebDriverException e) {
            return "?";
        }
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(() -> what, condition);
    }

    /** Waits for the condition; on timeout the message describes what was awaited and what was seen. */
    <T> T await(Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(JavascriptException.class)
                .withMessage(() -> "waiting for " + what.get())
                .until(condition);
    }

    /** Waits longer than {@link #TIMEOUT} for what takes longer (work that runs out of its attempts), checking each second. */
    <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .pollingEvery(Duration.ofSeconds(1))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(JavascriptException.class)
                .withMessage(() -> "waiting for " + what)
                .until(condition);
    }

    WebElement visible(String testId) {
        return await(testId + " to be visible", ExpectedConditions.visibilityOfElementLocated(testId(testId)));
    }

    List<WebElement> all(String testId) {
        return driver.findElements(testId(testId));
    }

    /** Waits until the element's visible text equals {@code expected}; returns it. */
    String awaitText(String testId, String expected) {
        await(() -> testId + " to read '" + expected + "' (now '" + textOf(testId) + "')",
                d -> expected.equals(textOf(testId)));
        return expected;
    }

    /** Waits for the element to show any text; returns it. */
    String awaitAnyText(String testId) {
        return await(testId + " to show a message", d -> {
            String text = textOf(testId);
            return text == null || text.isBlank() ? null : text;
        });
    }

    /** The element's rendered text, or null while it does not exist. */
    String textOf(String testId) {
        List<WebElement> found = driver.findElements(testId(testId));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    void type(String testId, String text) {
        WebElement input = visible(testId);
        input.clear();
        input.sendKeys(text);
    }

    void click(String testId) {
        await(testId + " to be clickable", ExpectedConditions.elementToBeClickable(testId(testId))).click();
    }

    /** The first element with this test id inside {@code scope}. */
    static WebElement within(WebElement scope, String testId) {
        return scope.findElement(testId(testId));
    }

    /**
     * HTML5 drag and drop as the browser's own events: dragstart on the source, dragenter and
     * dragover at the middle of the target, drop there, dragend on the source, sharing one
     * DataTransfer. (WebDriver's pointer actions do not start a native HTML5 drag in every
     * Chromium, so this path does not depend on them.)
     */
    void dragWithEvents(WebElement source, WebElement target, double yFraction) {
        script("""
                const [source, target, yFraction] = arguments;
                const box = target.getBoundingClientRect();
                const at = {clientX: box.left + box.width / 2, clientY: box.top + box.height * yFraction};
                const dataTransfer = new DataTransfer();
                const fire = (el, type, point = {}) => el.dispatchEvent(
                    new DragEvent(type, {bubbles: true, cancelable: true, composed: true, dataTransfer, ...point}));
                fire(source, 'dragstart');
                fire(target, 'dragenter', at);
                fire(target, 'dragover', at);
                fire(target, 'drop', at);
                fire(source, 'dragend', at);
                """, source, target, yFraction);
    }

    /**
     * A drag with the real (WebDriver) pointer: press on the source, move a little (so the browser
     * starts a native drag), then over the upper quarter of the target and release there.
     */
    void dragWithPointer(WebElement source, WebElement target) {
        int above = -target.getSize().getHeight() / 4;
        new Actions(driver)
                .moveToElement(source)
                .clickAndHold()
                .moveByOffset(5, 5)
                .moveToElement(target, 0, above - 1)
                .moveToElement(target, 0, above)
                .release()
                .perform();
    }

    /** Sets an input's value as if typed (for date and time inputs, whose typing depends on the locale). */
    void setValue(String testId, String value) {
        script("""
                const [input, value] = arguments;
                input.value = value;
                input.dispatchEvent(new Event('input', {bubbles: true}));
                input.dispatchEvent(new Event('change', {bubbles: true}));
                """, visible(testId), value);
    }

    /** Keys sent to whatever has focus. */
    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    String htmlLang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** Switches the page to {@code language} with its own control (lang-en, lang-ko) and waits until it shows it. */
    void language(String language) {
        if (!language.equals(htmlLang())) {
            click("lang-" + language);
            await("the page in " + language, d -> language.equals(htmlLang()));
        }
    }

    /** What a screen is checked for (and brought back to, after a change closed something) before it is saved. */
    @FunctionalInterface
    interface Shot {
        void check(String language, int width) throws IOException;
    }

    /** A shot saves what the window shows, or the whole page (taller than the window, up to 8,000 px). */
    enum Capture { WINDOW, PAGE }

    /**
     * The screen in English and in Korean, at 1280 px and at 390 × 844 (a phone), the evidence the
     * team looks at: for each language the page's own switch, for each width the window resized
     * (and waited for), {@code shot} run, and the screen saved as {name}-{language}-{width}.png
     * under target/browser-screenshots; afterwards English at the window's first size.
     */
    void shots(String name, Capture capture, Shot shot) throws IOException {
        WebDriver.Window window = driver.manage().window();
        Dimension first = window.getSize();
        Files.createDirectories(SCREENSHOTS);
        for (String language : List.of("en", "ko")) {
            language(language);
            for (int width : List.of(1280, 390)) {
                window.setSize(new Dimension(width, width == 390 ? 844 : first.getHeight()));
                // Narrow enough, and wide again after the phone's width (1280 after 390).
                await("the window at " + width + " px", d -> {
                    int inner = ((Number) script("return window.innerWidth")).intValue();
                    return inner <= width && inner > width / 2;
                });
                shot.check(language, width);
                String file = name + "-" + language + "-" + width;
                if (capture == Capture.PAGE) {
                    screenshot(file);
                } else {
                    Files.write(SCREENSHOTS.resolve(file + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                }
            }
            window.setSize(first);
        }
        language("en");
    }

    /**
     * {@link #shots(String, Capture, Shot)} with {@code anchor} scrolled into view (a settings
     * panel from its title, under the sticky top bar; anything else only as far as needed),
     * checking that no control of its section sticks out past the section's right edge;
     * {@code again} (if any) brings back what a change of language or width closed, also after the
     * last shot.
     */
    void sectionShots(String name, String anchor, Runnable again) throws IOException {
        shots(name, Capture.WINDOW, (language, width) -> {
            if (again != null) {
                again.run();
            }
            WebElement at = visible(anchor);
            script(anchor.startsWith("settings-") ? "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -72)"
                    : "arguments[0].scrollIntoView({block: 'nearest'})", at);
            String overflowing = overflowingControls(at);
            if (!overflowing.isEmpty()) {
                throw new AssertionError(name + " " + language + " " + width + " px: controls past their section's right edge: " + overflowing);
            }
        });
        if (again != null) {
            again.run();
        }
    }

    /** {@link #shots(String, Capture, Shot)} of the window with nothing to check. */
    void shots(String name) throws IOException {
        shots(name, Capture.WINDOW, (language, width) -> { });
    }

    /**
     * The controls (buttons, inputs, selects, headings, code, times) of the section around
     * {@code element} that stick out past the section's right edge, as the start of their HTML,
     * joined with " | "; empty when none does.
     */
    String overflowingControls(WebElement element) {
        return (String) script("""
                const scope = arguments[0].closest('section') ?? arguments[0];
                const out = [...scope.querySelectorAll('button, input, select, h2, code, time')].filter((e) => e.offsetParent)
                    .filter((e) => e.getBoundingClientRect().right > Math.ceil(scope.getBoundingClientRect().right));
                return out.map((e) => e.outerHTML.slice(0, 80)).join(' | ');""", element);
    }

    String localStorage(String key) {
        return (String) script("return window.localStorage.getItem(arguments[0])", key);
    }

    void removeFromLocalStorage(String key) {
        script("window.localStorage.removeItem(arguments[0])", key);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Saves the whole page (beyond the 1280×900 window) as target/browser-screenshots/name.png,
     * falling back to the visible window. Never throws: a screenshot must not hide a failure.
     */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                        .get("cssContentSize");
                long width = Math.max(1, Math.round(((Number) size.get("width")).doubleValue()));
                long height = Math.min(8000, Math.max(1, Math.round(((Number) size.get("height")).doubleValue())));
                Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                        "format", "png",
                        "captureBeyondViewport", true,
                        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
                png = Base64.getDecoder().decode((String) shot.get("data"));
            } catch (RuntimeException e) {
                png = driver.getScreenshotAs(OutputType.BYTES);
            }
            Files.write(file, png);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save screenshot " + file + ": " + e);
        }
        return file;
    }

    /** Everything the page wrote to the console so far (Chrome hands each entry out only once). */
    List<LogEntry> console() {
        try {
            console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        } catch (WebDriverException e) {
            System.err.println("Could not read the browser console: " + e.getMessage());
        }
        return List.copyOf(console);
    }

    /** Writes the console to target/browser-screenshots/name.console.log. */
    void saveConsole(String name) {
        List<LogEntry> entries = console();
        try {
            Files.createDirectories(SCREENSHOTS);
            String text = entries.stream().map(e -> e.getLevel() + " " + e.getMessage()).collect(Collectors.joining("\n"));
            Files.writeString(SCREENSHOTS.resolve(name + ".console.log"), text + (text.isEmpty() ? "" : "\n"));
        } catch (IOException e) {
            System.err.println("Could not save the browser console: " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the browser profile " + directory + ": " + e);
        }
    }
}
