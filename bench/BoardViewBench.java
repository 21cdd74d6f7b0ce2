import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board view under load: fills one board with CARDS cards through the public API (8 lists;
 * every 2nd card has an assignee, every 3rd a label, every 5th a checklist item, every 7th a
 * comment), then times GET of the board view REQUESTS times, one request after the other, after
 * WARMUP untimed ones. Prints a Markdown table row set for docs/performance.md.
 *
 *   java bench/BoardViewBench.java http://127.0.0.1:18081 [cards] [requests] [warmup]
 *
 * Run by bench/board-view.sh, which starts the server.
 */
public class BoardViewBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 50;

        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "correct horse battery staple";
        send("POST", base + "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Bench\"}", 201);
        String login = send("POST", base + "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200).body();
        String token = first(TOKEN, login);
        String me = first(ID, send("GET", base + "/api/v1/me", token, null, 200).body());
        String workspace = first(ID, send("POST", base + "/api/v1/workspaces", token, "{\"name\":\"Bench\"}", 201).body());
        String boards = base + "/api/v1/workspaces/" + workspace + "/boards";
        String board = first(ID, send("POST", boards, token, "{\"name\":\"2,000 cards\"}", 201).body());
        String path = boards + "/" + board;
        List<String> lists = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lists.add(first(ID, send("POST", path + "/lists", token, "{\"name\":\"List " + i + "\"}", 201).body()));
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            labels.add(first(ID, send("POST", path + "/labels", token, "{\"name\":\"Label " + i + "\",\"colour\":\"#33669" + i + "\"}", 201).body()));
        }

        long fillStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> filling = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            int n = i;
            filling.add(pool.submit(() -> {
                StringBuilder body = new StringBuilder("{\"listId\":\"").append(lists.get(n % lists.size()))
                        .append("\",\"title\":\"Card ").append(n).append("\",\"description\":\"Some *Markdown* for card ").append(n).append('"');
                if (n % 2 == 0) {
                    body.append(",\"assigneeIds\":[\"").append(me).append("\"]");
                }
                if (n % 3 == 0) {
                    body.append(",\"labelIds\":[\"").append(labels.get(n % labels.size())).append("\"]");
                }
                body.append('}');
                String card = first(ID, send("POST", path + "/cards", token, body.toString(), 201).body());
                if (n % 5 == 0) {
                    send("POST", path + "/cards/" + card + "/checklist", token, "{\"content\":\"Check " + n + "\"}", 201);
                }
                if (n % 7 == 0) {
                    send("POST", path + "/cards/" + card + "/comments", token, "{\"body\":\"Comment on " + n + "\"}", 201);
                }
                return null;
            }));
        }
        for (Future<?> f : filling) {
            f.get();
        }
        pool.shutdown();
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        for (int i = 0; i < warmup; i++) {
            send("GET", path, token, null, 200);
        }
        long[] micros = new long[requests];
        String statements = "?";
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> view = send("GET", path, token, null, 200);
            micros[i] = (System.nanoTime() - start) / 1000;
            statements = view.headers().firstValue("X-Moim-Sql-Statements").orElse("?");
            bytes = view.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        Arrays.sort(micros);
        HttpResponse<String> mine = send("GET", boards, token, null, 200);

        System.out.printf("Filled %d cards (plus checklist items and comments) in %.1f s.%n%n", cards, fillSeconds);
        System.out.println("| request | requests | median | p99 | max | SQL statements | response |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf("| GET board view, %d cards | %d | %.1f ms | %.1f ms | %.1f ms | %s | %d KiB |%n", cards, requests,
                percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0, micros[micros.length - 1] / 1000.0, statements, bytes / 1024);
        System.out.printf("| GET my boards (1 board) | 1 | | | | %s | |%n", mine.headers().firstValue("X-Moim-Sql-Statements").orElse("?"));
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(String method, String url, String token, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
