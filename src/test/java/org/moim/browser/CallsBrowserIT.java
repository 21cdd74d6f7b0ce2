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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Chat;
import org.moim.it.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Calls in real browsers: two and then three headless Chromium instances with fake cameras and
 * microphones (and a fake screen to share) sign in as different people, start a call with the call
 * button of their conversation's header and join it from the running call the header shows (never
 * by typing the call screen's address), and prove that media flows: every
 * RTCPeerConnection reaches 'connected' and the inbound RTP byte counts keep growing (getStats,
 * read through the page's window.moimCallTest). Sharing a screen swaps the outgoing video track
 * (RTCRtpSender.replaceTrack) and the others keep receiving, also after the browser's own
 * "stop sharing".
 *
 * <p>Time to connect (from a tab's join to each connection's 'connected') is measured and written
 * to target/browser-screenshots/call-timings.txt, not asserted. Screenshots and consoles of every
 * browser land next to it, and so do the conversation header's, with the call button and with a
 * running call, in English and Korean, 1280 and 390 px wide (call-header-*.png).
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

    private final List<String> timings = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    @RegisterExtension
    final Browsers browsers = new Browsers();


    @Test
    void twoThenThreePeopleSeeAndHearEachOtherAndShareTheirScreens() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        SignedIn sora = Accounts.signUp(new Api(base), "Sora");
        String channel = Chat.direct(base, Chat.workspace(base, mina, joon, sora), mina, joon, sora);
        names.put(mina.id(), "Mina");
        names.put(joon.id(), "Joon");
        names.put(sora.id(), "Sora");
        Browser minas = signedIn("mina", mina);
        Browser joons = signedIn("joon", joon);

        // Mina starts the call with the button in the conversation's header; Joon's tab rings, and
        // his header shows the running call, whose Join button he uses.
        openConversation(minas, channel);
        openConversation(joons, channel);
        minas.visible("call-header-start");
        assertThat(minas.all("call-bar").get(0).isDisplayed()).as("no call runs yet").isFalse();
        headerShots(minas, "call-header-idle");
        minas.click("call-header-start");
        minas.await("Mina to be in the call", d -> "in-call".equals(minas.script("return window.moimCallTest.state()")));
        joons.awaitText("call-ring-text", "Mina is calling");
        joons.awaitText("call-bar-people", "Mina");
        joons.click("call-bar-join");
        joons.await("the ring to stop once he joined", d -> joons.all("call-ring-dialog").isEmpty());

        awaitConnected(minas, 1);
        awaitConnected(joons, 1);
        record("2 people: Joon (joining from the header)", joons);
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

        // Sora opens the conversation later: its header shows who is in the call; she joins from it.
        Browser soras = signedIn("sora", sora);
        openConversation(soras, channel);
        soras.await("Mina and Joon in the header's call", d -> {
            String people = soras.textOf("call-bar-people");
            return people != null && people.contains("Mina") && people.contains("Joon");
        });
        assertThat(soras.all("call-header-start").get(0).isDisplayed()).as("Join is the way in while a call runs").isFalse();
        headerShots(soras, "call-header-running");
        soras.click("call-bar-join");
        for (Browser browser : List.of(minas, joons, soras)) {
            awaitConnected(browser, 2);
        }
        record("3 people: Sora (joining late from the header)", soras);
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

        // Back in the conversation, Sora's header still shows the call; when the last two leave, it goes.
        soras.click("call-back");
        soras.await("Sora's header to show Mina and Joon without her", d -> {
            String people = soras.textOf("call-bar-people");
            return people != null && people.contains("Mina") && people.contains("Joon") && !people.contains("Sora");
        });
        joons.click("call-leave");
        joons.awaitText("call-status", "You left the call.");
        minas.click("call-leave");
        minas.awaitText("call-status", "You left the call.");
        soras.await("the call to leave Sora's header", d -> !soras.all("call-bar").get(0).isDisplayed());
        soras.visible("call-header-start");

        writeTimings();
        for (Browser browser : browsers.all()) {
            assertQuietConsole(browser);
        }
    }

    @Test
    void aBlockedCameraAndMicrophoneAreExplained() throws Exception {
        Api api = new Api(base);
        SignedIn mina = Accounts.signUp(api, "Blocked");
        String workspace = Chat.workspace(base, mina, Accounts.signUp(new Api(base), "Someone"));
        Api.Reply board = api.post("/api/v1/workspaces/" + workspace + "/boards", Api.json("name", "Launch"), mina.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        Browser browser = browsers.start("blocked", List.of("--use-fake-device-for-media-stream"), Map.of(
                "profile.default_content_setting_values.media_stream_camera", 2,
                "profile.default_content_setting_values.media_stream_mic", 2));
        browser.signIn(base, mina.email());

        // The call button of the board channel's header: with nothing to send, the call screen stops at its lobby to say why.
        browser.open(base + "#/w/" + workspace + "/boards/" + board.json().getString("id"));
        browser.click("board-chat-toggle");
        browser.click("call-header-start");
        browser.awaitText("call-media-error", "Moim can't use your camera or microphone: the browser blocked them. "
                + "Allow both for this site (the camera icon in the address bar), then reload. You can still join to watch and listen.");
        browser.awaitText("call-join", "Start call");
        assertThat(browser.visible("call-join").isEnabled()).as("one may still join to watch and listen").isTrue();
        assertThat(browser.visible("call-tile-self").getDomAttribute("data-camera")).isEqualTo("false");
        assertThat(browser.script("return window.moimCallTest.state()")).as("not in a call before choosing to").isEqualTo("idle");
        assertQuietConsole(browser);
    }

    @Test
    void thePlanPageSaysHowManyPeopleACallHoldsAndWhy() throws Exception {
        SignedIn owner = Accounts.signUp(new Api(base), "Owner");
        Chat.workspace(base, owner);
        Browser browser = browsers.signedIn("owner", base, owner.email());

        browser.click("nav-billing");
        browser.await("the call size on the plan page", d -> "4".equals(limitRow(browser, "CALL_PARTICIPANTS", "billing-limit-value")));
        assertThat(limitRow(browser, "CALL_PARTICIPANTS", "billing-limit-ceiling"))
                .isEqualTo("Calls connect everyone directly, so this server allows at most 8 people in one call, whatever the plan.");
        assertThat(limitRow(browser, "MEMBERS", "billing-limit-ceiling")).as("no ceiling, no note").isNull();
        browser.screenshot("plan-page-call-ceiling-en");
        assertQuietConsole(browser);
    }

    // ---------------------------------------------------------------------------------------------

    private Browser signedIn(String who, SignedIn account) throws IOException {
        return browsers.signedIn(who, base, account.email(), MEDIA, Map.of());
    }

    /** The text of one element of a limit's row on the plan page, or null when the row has none. */
    private static String limitRow(Browser browser, String limit, String testId) {
        return browser.all("billing-limit").stream()
                .filter(row -> limit.equals(row.getDomAttribute("data-limit")))
                .flatMap(row -> row.findElements(Browser.testId(testId)).stream())
                .map(WebElement::getText)
                .findFirst().orElse(null);
    }

    /** Messages in the side navigation, then the conversation in the list: its panel with its header. */
    private static void openConversation(Browser browser, String channel) {
        By inList = By.cssSelector("[data-testid='conversation'][data-channel-id='" + channel + "']");
        browser.click("nav-chat");
        // The list is drawn again whenever presence or unread counts change: click whatever element is there now.
        browser.await("the conversation in the list to be clicked", d -> {
            WebElement link = ExpectedConditions.elementToBeClickable(inList).apply(d);
            if (link == null) {
                return false;
            }
            link.click();
            return true;
        });
        browser.await("the conversation's panel", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='chat-panel'][data-channel-id='" + channel + "']")));
    }

    /**
     * The conversation's header in English and Korean, 1280 and 390 px wide, as the window shows it,
     * saved as target/browser-screenshots/{name}-{en|ko}-{width}.png; at every size its call control
     * (the call button or Join) lies wholly inside the window. The browser ends as it began
     * (English, 1280).
     */
    private static void headerShots(Browser browser, String name) throws IOException {
        browser.shots(name, Browser.Capture.WINDOW, (language, width) -> {
            WebElement header = browser.driver().findElement(By.cssSelector("[data-testid='chat-panel'] .chat-header"));
            browser.script("arguments[0].scrollIntoView({block: 'center'})", header);
            Number overflow = (Number) browser.script("""
                    const control = [...document.querySelectorAll(
                        "[data-testid='call-header-start'], [data-testid='call-bar-join']")].find((e) => e.offsetParent);
                    return control.getBoundingClientRect().right - document.documentElement.clientWidth;""");
            assertThat(overflow.doubleValue()).as("%s %s %d px: the call control's right edge past the window", name, language, width)
                    .isLessThanOrEqualTo(0);
        });
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
