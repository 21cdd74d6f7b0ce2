package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Files and voice in chat, in two real browsers (issue 13, item 3), and icons that need no emoji
 * font (item 9). Mina attaches an image and a PDF with the composer's attach button (its file
 * input) and sends them with a line of text; Joon sees the image as a thumbnail that opens full
 * size and the PDF as a card whose Download saves the very bytes. Mina records a voice message with
 * Chromium's fake microphone; Joon sees it converting and then plays the converted audio. A pasted
 * image and a dropped file travel the same way. A file over the size limit (the build sets 4 MiB)
 * is refused with the server's reason in Mina's composer, and nothing reaches the conversation. An
 * upload cancelled half-way stores and sends nothing. A blocked microphone is explained in the
 * composer, and so is a browser with no microphone at all. A voice message whose recording ffmpeg
 * cannot read shows "could not be converted" with its file to both people, is sent once, and the
 * conversation goes on. The board's chat panel carries files the same way.
 *
 * <p>Every header, navigation and chat toolbar control draws an inline SVG and no emoji or symbol
 * glyph. At 390 px the Messages page never scrolls sideways. Screenshots of the conversation with
 * its attachments and of the header with the bell, in English and Korean at 1280 and 390 px, land
 * in target/browser-screenshots/chat-files-*.png, and so do the refused states (chat-files-mic-blocked,
 * chat-files-mic-missing, chat-files-voice-failed).
 */
@ExtendWith(ArquillianExtension.class)
class ChatFilesBrowserIT {

    /** A fake microphone (and camera), no permission prompt, media that plays without a gesture. */
    private static final List<String> MEDIA = List.of(
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required");

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
    void imagesFilesAndVoiceMessagesReachTheOtherPersonAndALimitIsExplained() throws Exception {
        SignedIn mina = Accounts.signUp(new Api(base), "Mina");
        SignedIn joon = Accounts.signUp(new Api(base), "Joon");
        String workspace = Chat.workspace(base, mina, joon);
        String channel = Chat.direct(base, workspace, mina, joon);
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        Browser minas = signedIn("mina", mina, Map.of());
        Browser joons = signedIn("joon", joon, Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        openConversation(minas, channel);
        openConversation(joons, channel);

        // Icons are SVG, never a glyph from an emoji or symbol font.
        assertIconsAreSvg(minas);

        // Mina attaches a photo and a PDF with the attach button's file input; both upload in the composer.
        Path photo = png(temp.resolve("whiteboard.png"), 640, 480);
        Path pdf = temp.resolve("report.pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", StandardCharsets.US_ASCII);
        assertThat(minas.visible("chat-attach").findElements(By.tagName("svg"))).hasSize(1);
        attach(minas, photo);
        attach(minas, pdf);
        minas.await("both uploads done in the composer", d -> minas.all("chat-upload").size() == 2
                && minas.all("chat-upload").stream().allMatch(row -> "done".equals(row.getDomAttribute("data-state"))));
        minas.type("chat-input", "Notes from today");
        minas.click("chat-send");
        minas.await("the composer to be empty again", d -> minas.all("chat-upload").isEmpty());

        // Joon sees the text, the photo as a thumbnail and the PDF as a card.
        WebElement message = joons.await("Joon to get the message with its files", d -> lastMessage(joons, "Notes from today"));
        WebElement thumb = joons.await("the thumbnail to load", d -> {
            WebElement t = Browser.within(lastMessage(joons, "Notes from today"), "chat-thumb");
            return "ready".equals(t.getDomAttribute("data-state")) ? t : null;
        });
        Number thumbWidth = (Number) joons.script("return arguments[0].querySelector('img').naturalWidth", thumb);
        assertThat(thumbWidth.intValue()).as("a thumbnail, not the photo").isLessThanOrEqualTo(256);
        assertThat(Browser.within(message, "chat-file-name").getText()).isEqualTo("report.pdf");
        assertThat(Browser.within(message, "chat-file-size").getText()).endsWith("B");

        // The thumbnail opens the photo at full size.
        thumb.click();
        joons.visible("chat-image-dialog");
        joons.await("the full-size photo", d -> {
            Object width = joons.script("const img = document.querySelector(\"[data-testid='chat-image-full']\"); return img && img.complete ? img.naturalWidth : 0");
            return ((Number) width).intValue() == 640;
        });
        joons.click("chat-image-dialog-close");

        // The card's Download saves the PDF's bytes.
        Browser.within(lastMessage(joons, "Notes from today"), "chat-file-download").click();
        Path saved = downloads.resolve("report.pdf");
        joons.await("report.pdf in the download folder", d -> Files.exists(saved) && sameBytes(saved, pdf));

        // Mina records a voice message: the recording bar runs its clock, Send sends it.
        minas.click("chat-record");
        minas.visible("chat-recording");
        minas.await("the clock to run", d -> !"0:00".equals(minas.textOf("chat-recording-clock")));
        minas.click("chat-record-send");
        minas.await("the recording bar to go", d -> !minas.all("chat-recording").get(0).isDisplayed());

        // Joon sees it converting (or already converted), then plays it.
        WebElement voice = joons.await("the voice message", d -> joons.all("chat-voice").stream().findFirst().orElse(null));
        assertThat(voice.getDomAttribute("data-conversion")).isIn("unknown", "pending", "ready");
        WebElement player = joons.await("the converted voice message's player", d -> {
            List<WebElement> players = joons.all("chat-voice-player");
            return players.isEmpty() ? null : players.get(0);
        });
        joons.await("the audio to be loaded", d -> ((Number) joons.script("return arguments[0].readyState", player)).intValue() >= 1);
        Number duration = (Number) joons.script("return arguments[0].duration", player);
        assertThat(duration.doubleValue()).as("seconds of converted audio").isGreaterThan(0.3);
        joons.script("arguments[0].play()", player);
        joons.await("the voice message to play", d -> ((Number) joons.script("return arguments[0].currentTime", player)).doubleValue() > 0);
        assertThat(joons.all("chat-files-error").get(0).isDisplayed()).isFalse();

        // A pasted image and a dropped file: the browser's own paste and drop events, with real files.
        minas.script("""
                const canvas = document.createElement('canvas');
                canvas.width = 120; canvas.height = 90;
                canvas.getContext('2d').fillRect(10, 10, 100, 70);
                const bytes = Uint8Array.from(atob(canvas.toDataURL('image/png').split(',')[1]), (c) => c.charCodeAt(0));
                const png = new Blob([bytes], {type: 'image/png'});
                const pasted = new DataTransfer();
                pasted.items.add(new File([png], 'image.png', {type: 'image/png'}));
                document.querySelector("[data-testid='chat-input']").dispatchEvent(
                    new ClipboardEvent('paste', {clipboardData: pasted, bubbles: true, cancelable: true}));
                const dropped = new DataTransfer();
                dropped.items.add(new File(['minutes, one line'], 'minutes.txt', {type: 'text/plain'}));
                const panel = document.querySelector("[data-testid='chat-panel']");
                for (const type of ['dragenter', 'dragover', 'drop']) {
                  panel.dispatchEvent(new DragEvent(type, {dataTransfer: dropped, bubbles: true, cancelable: true}));
                }""");
        minas.await("the pasted and the dropped file uploaded", d -> minas.all("chat-upload").size() == 2
                && minas.all("chat-upload").stream().allMatch(row -> "done".equals(row.getDomAttribute("data-state"))));
        assertThat(minas.all("chat-upload-name").stream().map(WebElement::getText).toList())
                .satisfiesExactly(name -> assertThat(name).matches("pasted-.+\\.png"), name -> assertThat(name).isEqualTo("minutes.txt"));
        minas.click("chat-send");
        WebElement filesOnly = joons.await("the message of files only", d -> {
            List<WebElement> all = joons.all("chat-message");
            WebElement last = all.isEmpty() ? null : all.get(all.size() - 1);
            return last != null && last.findElements(Browser.testId("chat-file-name")).stream().anyMatch(n -> "minutes.txt".equals(n.getText())) ? last : null;
        });
        assertThat(filesOnly.findElements(Browser.testId("chat-text"))).as("no text stands in for the names").isEmpty();
        joons.await("the pasted image's thumbnail", d -> "ready".equals(Browser.within(filesOnly, "chat-thumb").getDomAttribute("data-state")));

        // A file past the size limit (the build sets 4 MiB): the server's reason in the composer, nothing sent.
        Api.Reply usage = new Api(base).get("/api/v1/workspaces/" + workspace + "/files/usage", mina.accessToken());
        long max = usage.json().getJsonNumber("maxFileSize").longValue();
        assertThat(max % (1024 * 1024)).as("a limit of whole MiB, as the build sets it").isZero();
        int before = joons.all("chat-message").size();
        Path big = temp.resolve("recording-raw.bin");
        byte[] bytes = new byte[(int) max + 1];
        Arrays.fill(bytes, (byte) 7);
        Files.write(big, bytes);
        attach(minas, big);
        minas.awaitText("chat-files-error", "recording-raw.bin: This file is larger than " + max / (1024 * 1024) + " MiB, the limit for one file.");
        assertThat(minas.all("chat-upload")).as("the refused file leaves the composer").isEmpty();
        minas.type("chat-input", "After the refusal");
        minas.click("chat-send");
        joons.await("Joon to get the next message", d -> lastMessage(joons, "After the refusal"));
        assertThat(joons.all("chat-message")).as("only the text message arrived").hasSize(before + 1);
        assertThat(Browser.within(lastMessage(joons, "After the refusal"), "chat-text").getText()).isEqualTo("After the refusal");
        assertThat(lastMessage(joons, "After the refusal").findElements(Browser.testId("chat-attachments"))).isEmpty();

        // Evidence: the conversation with its attachments and the header's bell, both languages and widths.
        joons.script("arguments[0].scrollIntoView({block: 'center'})", lastMessage(joons, "Notes from today"));
        shots(joons, "chat-files-messages");

        // The board's chat panel uses the same composer: Mina opens a board from Boards and sends a photo there.
        Api.Reply board = new Api(base).post("/api/v1/workspaces/" + workspace + "/boards", Api.json("name", "Launch"), mina.accessToken());
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        minas.click("nav-boards");
        minas.await("the board's tile", d -> {
            WebElement link = ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='board-tile'] a")).apply(d);
            if (link == null) {
                return false;
            }
            link.click();
            return true;
        });
        minas.click("board-chat-toggle");
        minas.visible("chat-attach");
        attach(minas, photo);
        minas.await("the photo uploaded in the board's chat", d -> minas.all("chat-upload").stream()
                .anyMatch(row -> "done".equals(row.getDomAttribute("data-state"))));
        minas.type("chat-input", "The launch board's photo");
        minas.click("chat-send");
        minas.await("the photo in the board's chat", d -> {
            WebElement sent = lastMessage(minas, "The launch board's photo");
            return sent != null && "ready".equals(Browser.within(sent, "chat-thumb").getDomAttribute("data-state"));
        });
        shots(minas, "chat-files-board");
        // The refused upload's answer is logged by Chromium itself ("Failed to load resource … 413").
        assertQuietConsole(minas, "Failed to load resource: the server responded with a status of 413");
        assertQuietConsole(joons);
    }

    @Test
    void aBlockedMicrophoneIsExplainedInTheComposer() throws Exception {
        SignedIn mina = Accounts.signUp(new Api(base), "Blocked");
        SignedIn joon = Accounts.signUp(new Api(base), "Other");
        String workspace = Chat.workspace(base, mina, joon);
        String channel = Chat.direct(base, workspace, mina, joon);
        Browser browser = browsers.start("blocked", List.of("--use-fake-device-for-media-stream"), Map.of(
                "profile.default_content_setting_values.media_stream_mic", 2));
        browser.signIn(base, mina.email());
        openConversation(browser, channel);

        browser.click("chat-record");
        assertThat(browser.awaitAnyText("chat-files-error")).isEqualTo("Moim may not use the microphone: the browser blocked it. "
                + "Allow it for this site (the icon in the address bar), then try again.");
        assertThat(browser.all("chat-recording").get(0).isDisplayed()).as("no recording started").isFalse();
        assertThat(browser.all("chat-message")).as("nothing sent").isEmpty();
        refusedShots(browser, "chat-files-mic-blocked", "chat-files-error", Map.of(
                "ko", "브라우저가 마이크를 막아 Moim에서 사용할 수 없습니다. 주소창의 아이콘에서 이 사이트에 마이크를 허용한 뒤 다시 시도하세요."));
    }

    @Test
    void aMissingMicrophoneIsExplainedAndTextStillGoes() throws Exception {
        SignedIn mina = Accounts.signUp(new Api(base), "Unplugged");
        SignedIn joon = Accounts.signUp(new Api(base), "Listener");
        String workspace = Chat.workspace(base, mina, joon);
        String channel = Chat.direct(base, workspace, mina, joon);
        // Permission granted without a prompt, but no fake device: headless Chromium finds no microphone.
        Browser browser = browsers.signedIn("unplugged", base, mina.email(), List.of("--use-fake-ui-for-media-stream"), Map.of());
        openConversation(browser, channel);

        browser.click("chat-record");
        assertThat(browser.awaitAnyText("chat-files-error")).isEqualTo("No microphone was found. Connect one and try again.");
        assertThat(browser.all("chat-recording").get(0).isDisplayed()).as("no recording started").isFalse();
        assertThat(browser.visible("chat-record").getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.all("chat-message")).as("nothing sent").isEmpty();
        assertThat(channelFiles(workspace, channel, mina)).as("nothing stored").isZero();
        refusedShots(browser, "chat-files-mic-missing", "chat-files-error", Map.of("ko", "마이크를 찾을 수 없습니다. 마이크를 연결한 뒤 다시 시도하세요."));

        browser.type("chat-input", "Typing instead");
        browser.click("chat-send");
        browser.await("the text message", d -> lastMessage(browser, "Typing instead"));
        assertThat(browser.all("chat-message")).hasSize(1);
    }

    @Test
    void aVoiceMessageThatCannotBeConvertedSaysSoAndTheConversationGoesOn() throws Exception {
        SignedIn mina = Accounts.signUp(new Api(base), "Garbled");
        SignedIn joon = Accounts.signUp(new Api(base), "Hearer");
        String workspace = Chat.workspace(base, mina, joon);
        String channel = Chat.direct(base, workspace, mina, joon);
        Browser minas = signedIn("garbled", mina, Map.of());
        Browser joons = signedIn("hearer", joon, Map.of());
        openConversation(minas, channel);
        openConversation(joons, channel);

        // The browser's recorder hands over bytes ffmpeg cannot read: a WebM header (so the server
        // sniffs a recording) followed by text. Everything else (microphone, upload, conversion
        // job, message) is the real thing.
        minas.script("""
                const header = Uint8Array.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d'.match(/../g), (x) => parseInt(x, 16));
                window.MediaRecorder = class extends EventTarget {
                  static isTypeSupported() { return true; }
                  constructor(stream, options) { super(); this.stream = stream; this.mimeType = options.mimeType; this.state = 'inactive'; }
                  start() { this.state = 'recording'; }
                  stop() {
                    this.state = 'inactive';
                    const data = new Blob([header, 'not really a recording, only text'], {type: 'audio/webm'});
                    this.dispatchEvent(new BlobEvent('dataavailable', {data}));
                    this.dispatchEvent(new Event('stop'));
                  }
                };""");
        minas.click("chat-record");
        minas.visible("chat-recording");
        minas.click("chat-record-send");
        minas.await("the recording bar to go", d -> !minas.all("chat-recording").get(0).isDisplayed());

        // Both see the voice message fail visibly: the reason and the file to download, no player.
        for (Browser browser : List.of(joons, minas)) {
            WebElement failed = browser.await(Duration.ofMinutes(3), "the conversion to fail", d -> browser.all("chat-voice").stream()
                    .filter(v -> "failed".equals(v.getDomAttribute("data-conversion"))).findFirst().orElse(null));
            assertThat(Browser.within(failed, "chat-voice-state").getText()).isEqualTo("This voice message could not be converted.");
            assertThat(Browser.within(failed, "chat-file-name").getText()).matches("voice-.+\\.webm");
            assertThat(failed.findElements(Browser.testId("chat-file-download"))).hasSize(1);
            assertThat(browser.all("chat-voice-player")).as("no player for a recording that cannot play").isEmpty();
            assertThat(browser.all("chat-message")).as("one message, sent once").hasSize(1);
        }
        assertThat(minas.all("chat-upload")).as("nothing left in the composer").isEmpty();
        assertThat(minas.all("chat-pending")).as("nothing half-sent").isEmpty();
        assertThat(minas.all("chat-files-error").get(0).isDisplayed()).as("the upload itself went well").isFalse();
        assertThat(channelFiles(workspace, channel, mina)).as("the recording, stored once").isEqualTo(1);

        // The conversation goes on.
        minas.type("chat-input", "Sorry, typing it: lunch at noon");
        minas.click("chat-send");
        joons.await("the next message", d -> lastMessage(joons, "lunch at noon"));
        assertThat(joons.all("chat-message")).hasSize(2);
        refusedShots(joons, "chat-files-voice-failed", "chat-voice-state", Map.of("ko", "이 음성 메시지를 변환하지 못했습니다."));
    }

    @Test
    void anUploadCancelledHalfWayStoresAndSendsNothing() throws Exception {
        SignedIn mina = Accounts.signUp(new Api(base), "Slow");
        SignedIn joon = Accounts.signUp(new Api(base), "Peer");
        String workspace = Chat.workspace(base, mina, joon);
        String channel = Chat.direct(base, workspace, mina, joon);
        Browser browser = signedIn("slow", mina, Map.of());
        openConversation(browser, channel);
        ChromeDriver chromium = (ChromeDriver) browser.driver();
        chromium.executeCdpCommand("Network.enable", Map.of());
        // A slow uplink (128 KiB/s), so that a 2 MiB upload is still under way when the person acts.
        slowUplink(chromium, 128 * 1024);
        byte[] bytes = new byte[2 * 1024 * 1024];
        Arrays.fill(bytes, (byte) 3);
        Path first = Files.write(temp.resolve("first.bin"), bytes);

        // Cancel: the row goes, nothing is stored, nothing is sent.
        attach(browser, first);
        browser.await("the upload under way", d -> progress(browser) > 0);
        assertThat(progress(browser)).as("percent uploaded when cancelling").isLessThan(100);
        browser.click("chat-upload-cancel");
        browser.await("the row to go", d -> browser.all("chat-upload").isEmpty());
        assertThat(browser.all("chat-files-error").get(0).isDisplayed()).as("a cancel is no error").isFalse();
        assertThat(channelFiles(workspace, channel, mina)).as("nothing stored after the cancel").isZero();

        browser.click("chat-send");
        assertThat(browser.all("chat-message")).as("nothing sent").isEmpty();
        assertThat(browser.all("chat-pending")).as("nothing waiting to be sent").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * A refused state in English and Korean at 1280 and 390 px wide, saved as {name}-{en|ko}-{width}.png:
     * the element {@code testId} shows the Korean text given, and nothing scrolls sideways.
     */
    private static void refusedShots(Browser browser, String name, String testId, Map<String, String> texts) throws IOException {
        browser.shots(name, Browser.Capture.WINDOW, (language, width) -> {
            if (texts.containsKey(language)) {
                browser.await("the " + language + " text of " + testId, d -> browser.all(testId).stream()
                        .anyMatch(e -> texts.get(language).equals(e.getText())));
            }
            WebElement shown = browser.await(testId + " on screen", d -> browser.all(testId).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            // In the middle on a phone; on a wide screen only as far as needed (the whole page never moves).
            browser.script("arguments[0].scrollIntoView({block: arguments[1]})", shown, width == 390 ? "center" : "nearest");
            Number sideways = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(sideways.intValue()).as("%s %s %d px: the page scrolls sideways", name, language, width).isLessThanOrEqualTo(0);
        });
    }

    /** Chromium's network emulation for every request of the tab: an uplink of so many bytes a second. */
    private static void slowUplink(ChromeDriver chromium, int uploadBytesPerSecond) {
        chromium.executeCdpCommand("Network.emulateNetworkConditionsByRule", Map.of("matchedNetworkConditions", List.of(Map.of(
                "urlPattern", "", "offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", uploadBytesPerSecond))));
    }

    private int channelFiles(String workspace, String channel, SignedIn who) {
        Api.Reply files = new Api(base).get("/api/v1/workspaces/" + workspace + "/files?target=channel:" + channel, who.accessToken());
        assertThat(files.status()).as(files.toString()).isEqualTo(200);
        return files.json().getJsonArray("items").size();
    }

    /** The first upload row's progress in percent (0 when there is none). */
    private static int progress(Browser browser) {
        Object value = browser.script("const p = document.querySelector(\"[data-testid='chat-upload-progress']\"); return p ? p.value : 0");
        return ((Number) value).intValue();
    }

    private Browser signedIn(String who, SignedIn account, Map<String, Object> preferences) throws IOException {
        return browsers.signedIn(who, base, account.email(), MEDIA, preferences);
    }

    /** Messages in the side navigation, then the conversation in the list. */
    private static void openConversation(Browser browser, String channel) {
        By inList = By.cssSelector("[data-testid='conversation'][data-channel-id='" + channel + "']");
        browser.click("nav-chat");
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

    /** What the attach button's file chooser would do: the file goes into its (visually hidden) input. */
    private static void attach(Browser browser, Path file) {
        browser.driver().findElement(Browser.testId("chat-file-input")).sendKeys(file.toAbsolutePath().toString());
    }

    /** The last message whose text contains {@code text}, or null. */
    private static WebElement lastMessage(Browser browser, String text) {
        List<WebElement> found = browser.all("chat-message").stream()
                .filter(m -> m.findElements(Browser.testId("chat-text")).stream().anyMatch(p -> p.getText().contains(text)))
                .toList();
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private static Path png(Path path, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x4f46e5));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ImageIO.write(image, "png", path.toFile());
        return path;
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The header's bell, the side navigation and the chat's buttons each draw an SVG, and none shows
     * a character outside Basic Latin as its face (× is allowed: it is in every text font).
     */
    private static void assertIconsAreSvg(Browser browser) {
        assertThat(browser.visible("bell").findElements(By.tagName("svg"))).as("the bell").hasSize(1);
        assertThat(browser.visible("bell").getText()).as("the bell shows no glyph").doesNotContain("🔔");
        List<WebElement> nav = browser.driver().findElements(By.cssSelector(".nav-link .nav-icon"));
        assertThat(nav).isNotEmpty().allSatisfy(i -> assertThat(i.findElements(By.tagName("svg"))).hasSize(1));
        for (String control : List.of("chat-attach", "chat-record", "call-header-start")) {
            assertThat(browser.visible(control).findElements(By.tagName("svg"))).as(control).hasSize(1);
        }
        @SuppressWarnings("unchecked")
        List<String> glyphs = (List<String>) browser.script("""
                const faces = [...document.querySelectorAll('header button, nav a, .chat-header button, .chat-composer button, .chat-actions button')]
                  .filter((e) => e.offsetParent)
                  .map((e) => e.textContent.replace(/[\\u0000-\\u024f\\u3131-\\uD7A3\\u2026\\u2013\\u2014\\u00d7]/g, '').trim())
                  .filter((left) => left);
                return faces;""");
        assertThat(glyphs).as("icon glyphs left in buttons and links").isEmpty();
    }

    /**
     * The page in English and Korean at 1280 and 390 px wide, saved as {name}-{en|ko}-{width}.png, and a
     * shot of the bell's header at each; at every size nothing scrolls sideways.
     */
    private static void shots(Browser browser, String name) throws IOException {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension wide = window.getSize();
        Files.createDirectories(Browser.SCREENSHOTS);
        for (String language : List.of("en", "ko")) {
            if (!language.equals(browser.htmlLang())) {
                browser.click("lang-" + language);
                browser.await("the page in " + language, d -> language.equals(browser.htmlLang()));
            }
            for (int width : List.of(1280, 390)) {
                window.setSize(new Dimension(width, width == 390 ? 844 : wide.getHeight()));
                browser.await("the layout at " + width + " px", d -> ((Number) browser.script("return window.innerWidth")).intValue() <= width);
                Number sideways = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(sideways.intValue()).as("%s %s %d px: the page scrolls sideways", name, language, width).isLessThanOrEqualTo(0);
                Files.write(Browser.SCREENSHOTS.resolve(name + "-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                browser.click("bell");
                browser.visible("bell-panel");
                @SuppressWarnings("unchecked")
                Map<String, Number> box = (Map<String, Number>) browser.script("""
                        const panel = document.querySelector("[data-testid='bell-panel']");
                        const r = panel.getBoundingClientRect();
                        const onTop = panel.contains(document.elementFromPoint(r.left + r.width / 2, r.top + 12)) ? 1 : 0;
                        return {left: r.left, right: r.right - document.documentElement.clientWidth, onTop};""");
                assertThat(box.get("onTop").intValue()).as("%s %s %d px: the bell's panel is on top", name, language, width).isEqualTo(1);
                assertThat(box.get("left").doubleValue()).as("%s %d px: the bell's panel past the window's left", language, width).isGreaterThanOrEqualTo(0);
                assertThat(box.get("right").doubleValue()).as("%s %d px: the bell's panel past the window's right", language, width).isLessThanOrEqualTo(0);
                Files.write(Browser.SCREENSHOTS.resolve(name + "-bell-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                browser.click("bell");
            }
            window.setSize(wide);
        }
        browser.click("lang-en");
        browser.await("the page in English again", d -> "en".equals(browser.htmlLang()));
    }

    private static void assertQuietConsole(Browser browser, String... expected) {
        List<String> unexpected = browser.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> Arrays.stream(expected).noneMatch(message::contains))
                .toList();
        assertThat(unexpected).as("browser console warnings and errors").isEmpty();
    }
}
