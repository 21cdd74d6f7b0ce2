package org.moim.browser;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of one test, by who uses them. A class registers one
 * ({@code @RegisterExtension final Browsers browsers = new Browsers();}) and opens its browsers
 * through it. When a test has run, each browser's console is saved and its screen taken, both
 * named {@code test-who} under target/browser-screenshots (the evidence of a failure, and what
 * the screen showed at the end); then every browser is closed.
 */
final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

    private final Map<String, Browser> open = new LinkedHashMap<>();

    /** A browser for {@code who}, English, 1280 px wide (Browser's defaults). */
    Browser start(String who) throws IOException {
        return start(who, List.of(), Map.of());
    }

    /** With more command-line switches (fake media devices, say) and profile preferences. */
    Browser start(String who, List<String> arguments, Map<String, Object> preferences) throws IOException {
        if (open.containsKey(who)) {
            throw new IllegalStateException("A browser for " + who + " is already open in this test");
        }
        Browser browser = Browser.start(arguments, preferences);
        open.put(who, browser);
        return browser;
    }

    /** A browser for {@code who}, signed in through the sign-in form with the tests' password. */
    Browser signedIn(String who, URL base, String email) throws IOException {
        return signedIn(who, base, email, List.of(), Map.of());
    }

    Browser signedIn(String who, URL base, String email, List<String> arguments, Map<String, Object> preferences)
            throws IOException {
        Browser browser = start(who, arguments, preferences);
        browser.signIn(base, email);
        return browser;
    }

    /** Closes {@code who}'s browser now (someone who goes away in the middle of a journey). */
    void close(String who) {
        Browser browser = open.remove(who);
        if (browser != null) {
            browser.close();
        }
    }

    /** The browsers open now, in the order they were started. */
    Collection<Browser> all() {
        return open.values();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        String test = context.getRequiredTestMethod().getName();
        boolean failed = context.getExecutionException().isPresent();
        open.forEach((who, browser) -> {
            // One browser that crashed must not keep the others' evidence from being saved.
            try {
                browser.saveConsole(test + "-" + who);
                Path screen = browser.screenshot(test + "-" + who);
                if (failed) {
                    System.err.println("Screen of " + who + " when " + test + " failed: " + screen.toAbsolutePath()
                            + " (state " + browser.state() + ", " + browser.driver().getCurrentUrl() + ")");
                }
            } catch (RuntimeException e) {
                System.err.println("No evidence from " + who + "'s browser after " + test + ": " + e);
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Browser browser : open.values()) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                System.err.println("Could not close a browser: " + e);
            }
        }
        open.clear();
    }
}
