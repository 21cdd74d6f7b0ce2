package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Calls in real browsers: two and then three headless Chromium instances with fake cameras and
 * microphones (and a fake screen to share) sign in as different people, start, accept and join a
 * call through the app's own screens and signaling, and prove that media flows: every
 * RTCPeerConnection reaches 'connected' and the inbound RTP byte counts keep growing (getStats,
 * read through the page's window.moimCallTest). Sharing a screen swaps the outgoing video track
 * (RTCRtpSender.replaceTrack) and the others keep receiving, also after the browser's own
 * "stop sharing".
 *
 * <p>Time to connect (from a tab's join to each connection's 'connected') is measured and written
 * to target/browser-screenshots/call-timings.txt, not asserted. Screenshots and consoles of every
 * browser land next to it.
 */
@ExtendWith(ArquillianExtension.class)
class CallsBrowserIT {

    /** Fake devices, no permission prompts, the fake screen picked for getDisplayMedia. */
    private static final List<String> MEDIA = List.of(
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--auto-select-desktop-capture-source=Entire screen",
            "--autoplay-policy=no-user-gesture-required");
    /** Media needs more patience than the UI on a busy machine: three browsers encode and decode video. */
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private final Map<String, Browser> browsers = new LinkedHashMap<>();
    private final List<String> timings = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> {
        String test = context.getRequiredTestMethod().getName();
        browsers.forEach((who, browser) -> {
            browser.saveConsole(test + "-" + who);
            browser.screenshot(test + "-" + who);
        });
    };

    @AfterEach
    void closeBrowsers() {
        browsers.values().forEach(Browser::close);
        browsers.clear();
    }

    @Test
    void twoThenThreePeopleSeeAndHearEachOtherAndShareTheirScreens() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn sora = Accounts.signUp(new Api(base), "Sora");
        String channel = channel(api, mina, joon, sora);
        names.put(mina.id(), "Mina");
        names.put(joon.id(), "Joon");
        names.put(sora.id(), "Sora");
        Browser minas = signedIn("mina", mina);
        Browser joons = signedIn("joon", joon);

        // Mina starts the call from the channel's call screen; Joon's tab rings and he accepts.
        minas.open(base + "#/call/" + channel);
        minas.awaitText("call-join", "Start call");
        minas.click("call-join");
        joons.awaitText("call-ring-text", "Mina is calling");
        joons.click("call-ring-accept");

        awaitConnected(minas, 1);
        awaitConnected(joons, 1);
        record("2 people: Joon (accepting)", joons);
        awaitMediaFlows(minas, "audio", "video");
        awaitMediaFlows(joons, "audio", "video");
        minas.await("Joon's tile to say Connected", d -> "Connected".equals(peerStates(minas).get("Joon")));
        joons.await("Mina's tile to say Connected", d -> "Connected".equals(peerStates(joons).get("Mina")));
        assertThat(minas.textOf("call-count")).isEqualTo("2 of 4 people");

        // Mina shares her screen: the video track she sends changes, Joon keeps receiving video.
        String camera = sendingVideo(minas);
        minas.click("call-toggle-screen");
        minas.await("Mina to send her screen", d -> !camera.equals(sendingVideo(minas)));
        assertThat(minas.script("return window.moimCallTest.sendingScreen()")).isEqualTo(true);
        joons.visible("call-indicator-sharing");
        awaitMediaFlows(joons, "video");
        assertThat(stats(joons)).allSatisfy(peer -> assertThat(peer.get("connectionState")).isEqualTo("connected"));

        // The browser's own "Stop sharing" (the track ends): the camera goes out again.
        assertThat(minas.script("return window.moimCallTest.endScreenShareFromBrowser()")).isEqualTo(true);
        minas.await("Mina to send her camera again", d -> camera.equals(sendingVideo(minas)));
        joons.await("the sharing indicator to go", d -> joons.all("call-indicator-sharing").isEmpty());
        awaitMediaFlows(joons, "video");

        // Sora joins the running call late, from the channel's call screen.
        Browser soras = signedIn("sora", sora);
        soras.open(base + "#/call/" + channel);
        soras.awaitText("call-lobby-info", "A call is running here with 2 people.");
        soras.awaitText("call-join", "Join call");
        soras.click("call-join");
        for (Browser browser : List.of(minas, joons, soras)) {
            awaitConnected(browser, 2);
        }
        record("3 people: Sora (joining late)", soras);
        for (Browser browser : List.of(minas, joons, soras)) {
            awaitMediaFlows(browser, "audio", "video");
        }
        assertThat(soras.textOf("call-count")).isEqualTo("3 of 4 people");

        // With three, Sora shares and stops with the page's button; both others keep receiving.
        String soraCamera = sendingVideo(soras);
        soras.click("call-toggle-screen");
        soras.await("Sora to send her screen to both", d -> stats(soras).stream()
                .allMatch(peer -> !soraCamera.equals(peer.get("sendingVideo"))));
        awaitMediaFlows(minas, "video");
        awaitMediaFlows(joons, "video");
        soras.click("call-toggle-screen");
        soras.await("Sora to send her camera to both", d -> stats(soras).stream()
                .allMatch(peer -> soraCamera.equals(peer.get("sendingVideo"))));
        awaitMediaFlows(minas, "video");
        awaitMediaFlows(joons, "video");

        // Joon mutes: the others see it on his tile.
        joons.click("call-toggle-mic");
        joons.awaitText("call-toggle-mic", "Unmute");
        for (Browser browser : List.of(minas, soras)) {
            browser.await("Joon's tile to show him muted", d -> tileOf(browser, "Joon")
                    .findElements(Browser.testId("call-indicator-muted")).size() == 1);
        }

        // Sora leaves: the other two stay connected to each other.
        soras.click("call-leave");
        soras.awaitText("call-status", "You left the call.");
        awaitConnected(minas, 1);
        awaitConnected(joons, 1);
        awaitMediaFlows(minas, "video");

        writeTimings();
        for (Browser browser : browsers.values()) {
            assertQuietConsole(browser);
        }
    }

    @Test
    void aBlockedCameraAndMicrophoneAreExplained() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Blocked");
        String channel = channel(api, mina, Accounts.signUp(new Api(base), "Someone"));
        Browser browser = Browser.start(List.of("--use-fake-device-for-media-stream"), Map.of(
                "profile.default_content_setting_values.media_stream_camera", 2,
                "profile.default_content_setting_values.media_stream_mic", 2));
        browsers.put("blocked", browser);
        signIn(browser, mina);

        browser.open(base + "#/call/" + channel);
        browser.awaitText("call-media-error", "Moim can't use your camera or microphone: the browser blocked them. "
                + "Allow both for this site (the camera icon in the address bar), then reload. You can still join to watch and listen.");
        browser.awaitText("call-join", "Start call");
        assertThat(browser.visible("call-join").isEnabled()).as("one may still join to watch and listen").isTrue();
        assertThat(browser.visible("call-tile-self").getDomAttribute("data-camera")).isEqualTo("false");
        assertQuietConsole(browser);
    }

    // ---------------------------------------------------------------------------------------------

    private Browser signedIn(String who, SignedIn account) throws IOException {
        Browser browser = Browser.start(MEDIA, Map.of());
        browsers.put(who, browser);
        signIn(browser, account);
        return browser;
    }

    private void signIn(Browser browser, SignedIn account) {
        browser.open(base.toString());
        browser.awaitState("signed-out");
        browser.type("login-email", account.email());
        browser.type("login-password", Accounts.PASSWORD);
        browser.click("login-submit");
        browser.awaitState("signed-in");
    }

    /** A direct conversation of these people (all members of a new workspace of the first). */
    private String channel(Api api, SignedIn owner, SignedIn... others) {
        return Chat.direct(base, Chat.workspace(base, owner, others), owner, others);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stats(Browser browser) {
        return (List<Map<String, Object>>) browser.script("return window.moimCallTest.stats()");
    }

    private static String sendingVideo(Browser browser) {
        List<Map<String, Object>> peers = stats(browser);
        assertThat(peers).isNotEmpty();
        return (String) peers.get(0).get("sendingVideo");
    }

    private static long number(Map<String, Object> peer, String name) {
        return ((Number) peer.get(name)).longValue();
    }

    private static <T> T awaitMedia(Browser browser, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), MEDIA_TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(JavascriptException.class)
                .withMessage(() -> "waiting for " + what + " (now " + stats(browser) + ")")
                .until(condition);
    }

    /** Every one of the tab's peer connections (exactly {@code peers} of them) is connected. */
    private static void awaitConnected(Browser browser, int peers) {
        awaitMedia(browser, peers + " connected peer connections", d -> {
            List<Map<String, Object>> stats = stats(browser);
            return stats.size() == peers && stats.stream().allMatch(p -> "connected".equals(p.get("connectionState")));
        });
    }

    /** The inbound RTP bytes of these kinds grow on every peer connection of the tab (and video frames are decoded). */
    private static void awaitMediaFlows(Browser browser, String... kinds) {
        Map<Object, Map<String, Object>> before = stats(browser).stream().collect(Collectors.toMap(p -> p.get("peerId"), p -> p));
        awaitMedia(browser, "inbound " + String.join(" and ", kinds) + " bytes to grow", d -> stats(browser).stream().allMatch(now -> {
            Map<String, Object> then = before.get(now.get("peerId"));
            if (then == null) {
                return false;
            }
            for (String kind : kinds) {
                if (number(now, kind + "Bytes") <= number(then, kind + "Bytes")) {
                    return false;
                }
            }
            return !List.of(kinds).contains("video") || number(now, "framesDecoded") > number(then, "framesDecoded");
        }));
    }

    /** Name on a remote tile → the connection state it shows. */
    private static Map<String, String> peerStates(Browser browser) {
        Map<String, String> states = new LinkedHashMap<>();
        for (WebElement tile : browser.all("call-tile")) {
            states.put(tile.findElement(Browser.testId("call-tile-name")).getText(),
                    tile.findElement(Browser.testId("call-peer-state")).getText());
        }
        return states;
    }

    private static WebElement tileOf(Browser browser, String name) {
        return browser.all("call-tile").stream()
                .filter(tile -> name.equals(tile.findElement(Browser.testId("call-tile-name")).getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no tile of " + name));
    }

    private void record(String label, Browser browser) {
        for (Map<String, Object> peer : stats(browser)) {
            timings.add(label + " to " + names.getOrDefault((String) peer.get("accountId"), "?") + ": " + peer.get("connectMs") + " ms");
        }
    }

    private void writeTimings() throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        String text = "Time to connect, from the tab's join (camera and microphone granted) to RTCPeerConnection 'connected':\n"
                + String.join("\n", timings) + "\n";
        Files.writeString(Browser.SCREENSHOTS.resolve("call-timings.txt"), text);
        System.out.print(text);
    }

    private static void assertQuietConsole(Browser browser) {
        List<String> unexpected = browser.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(unexpected).as("browser console warnings and errors").isEmpty();
    }
}
