import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sign-in page's first load as headless Chromium sees it: opens the page in a fresh profile
 * (empty cache), waits for the sign-in card and a quiet network, and reads the browser's own
 * Resource Timing entries (the navigation and every resource: bytes over the wire, encoded and
 * decoded body sizes); then opens it again in the same browser (warm) and counts what came from
 * the cache, what was revalidated (304) and what was fetched. Drives Chromium through the
 * DevTools protocol over the JDK's WebSocket client; no library. Prints Markdown
 * (docs/performance.md, "First load"); exits non-zero when the sign-in card does not appear.
 *
 * <pre>java bench/FirstLoadBench.java http://127.0.0.1:18089/ [chromium]</pre>
 */
public class FirstLoadBench {

    /** One Resource Timing entry. */
    record Entry(String name, long transferred, long encoded, long decoded, int status) {
        boolean fromCache() {
            return transferred == 0;
        }

        /** Headers only over the wire, the body from the cache. */
        boolean revalidated() {
            return !fromCache() && (status == 304 || (encoded > 0 && transferred < encoded));
        }
    }

    private static final String ENTRIES = """
            encodeURIComponent([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
              .map(e => [e.name, e.transferSize, e.encodedBodySize, e.decodedBodySize, e.responseStatus ?? 0].join('\\t'))
              .join('\\n'))""";

    private static final Pattern NETWORK_EVENT = Pattern.compile(
            "^\\{\"method\":\"Network\\.(requestWillBeSent|loadingFinished|loadingFailed)\",\"params\":\\{\"requestId\":\"([^\"]+)\"");

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    /** Requests the browser has started and not yet finished (DevTools' Network events). */
    private final java.util.Set<String> inFlight = new java.util.HashSet<>();
    private WebSocket socket;
    private int nextId = 1;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/FirstLoadBench.java <url> [chromium]");
            System.exit(2);
        }
        String url = args[0];
        String chromium = args.length > 1 ? args[1] : "chromium";
        Path profile = Files.createTempDirectory("moim-first-load-");
        Process browser = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-extensions", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--lang=en-US", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = 1;
        try {
            new FirstLoadBench().run(url, devToolsPort(browser));
            code = 0;
        } catch (Exception e) {
            System.err.println("first-load: " + e.getMessage());
        } finally {
            browser.destroy();
            browser.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder; the system cleans it
            }
        }
        System.exit(code);
    }

    /** Chromium says "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>" on stderr. */
    private static int devToolsPort(Process browser) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/");
        for (String line; (line = err.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> err.lines().forEach(ignored -> { })); // keep draining
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("chromium exited before it listened for DevTools");
    }

    private void run(String url, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher page = Pattern.compile("\"(ws://[^\"]+/devtools/page/[^\"]+)\"").matcher(targets);
        if (!page.find()) {
            throw new IOException("no page target: " + targets);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    messages.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);

        call("Network.enable", "{}");
        List<Entry> cold = load(url);
        call("Page.navigate", "{\"url\":\"about:blank\"}");
        Thread.sleep(300);
        List<Entry> warm = load(url);

        System.out.printf("Cold load of %s (empty cache): %d requests, %s transferred (bodies as sent plus headers), "
                + "%s of decoded bodies.%n", url, cold.size(), kb(sum(cold, Entry::transferred)), kb(sum(cold, Entry::decoded)));
        long cached = warm.stream().filter(Entry::fromCache).count();
        long revalidated = warm.stream().filter(Entry::revalidated).count();
        System.out.printf("Warm load (same browser): %d requests: %d from the cache, %d revalidated (304), %d fetched; "
                + "%s transferred.%n%n", warm.size(), cached, revalidated, warm.size() - cached - revalidated,
                kb(sum(warm, Entry::transferred)));
        System.out.println("| request (cold) | transferred | decoded | warm load |");
        System.out.println("|---|---|---|---|");
        for (Entry entry : cold) {
            Entry again = warm.stream().filter(w -> w.name().equals(entry.name())).findFirst().orElse(null);
            String how = again == null ? "not requested" : again.fromCache() ? "cache" : again.revalidated() ? "304"
                    : "fetched, " + kb(again.transferred());
            System.out.printf("| %s | %s | %s | %s |%n", path(entry.name()), kb(entry.transferred()), kb(entry.decoded()), how);
        }
        System.out.printf("| total | %s | %s | |%n", kb(sum(cold, Entry::transferred)), kb(sum(cold, Entry::decoded)));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** Opens the url, waits for the sign-in card, then for 1 s without a request under way. */
    private List<Entry> load(String url) throws Exception {
        call("Page.navigate", "{\"url\":" + quote(url) + "}");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state;
        while (!"signed-out".equals(state = evaluate("document.body ? (document.body.dataset.state || '') : ''"))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the sign-in page did not appear (state '" + state + "')");
            }
            Thread.sleep(100);
        }
        if (!"true".equals(evaluate("String(!!document.querySelector('[data-testid=login-submit]'))"))) {
            throw new IOException("no sign-in form");
        }
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos()) {
            Thread.sleep(100);
            evaluate("'waiting'"); // reads the events that came meanwhile
            if (!inFlight.isEmpty()) {
                quietSince = System.nanoTime();
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : URLDecoder.decode(evaluate(ENTRIES), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t");
            entries.add(new Entry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4])));
        }
        return entries;
    }

    /** Runs a script in the page; it must return a string of URL-safe characters (no JSON escapes). */
    private String evaluate(String expression) throws Exception {
        String reply = call("Runtime.evaluate", "{\"expression\":" + quote(expression) + ",\"returnByValue\":true}");
        Matcher value = Pattern.compile("\"value\":\"([^\"\\\\]*)\"").matcher(reply);
        if (!value.find()) {
            throw new IOException("unexpected answer: " + reply);
        }
        return value.group(1);
    }

    /** Sends a DevTools command and returns its answer (events in between only update {@link #inFlight}). */
    private String call(String method, String params) throws Exception {
        int id = nextId++;
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
        String prefix = "{\"id\":" + id + ",";
        while (true) {
            String message = messages.poll(30, TimeUnit.SECONDS);
            if (message == null) {
                throw new IOException(method + " got no answer");
            }
            if (message.startsWith(prefix)) {
                if (message.contains("\"error\":")) {
                    throw new IOException(method + ": " + message);
                }
                return message;
            }
            Matcher event = NETWORK_EVENT.matcher(message);
            if (event.find()) {
                if (event.group(1).equals("requestWillBeSent")) {
                    inFlight.add(event.group(2));
                } else {
                    inFlight.remove(event.group(2));
                }
            }
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static long sum(List<Entry> entries, java.util.function.ToLongFunction<Entry> field) {
        return entries.stream().mapToLong(field).sum();
    }

    private static String kb(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath().replaceFirst("/assets/v/[0-9a-f]+/", "/assets/v/…/");
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
