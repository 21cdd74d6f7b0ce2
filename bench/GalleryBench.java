import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The gallery under load: uploads PICTURES images to one workspace through the public API (the
 * same small PNG, so its thumbnail is made once and every later upload has it at once; every 10th
 * picture gets a comment, every 5th a reaction), then times GET of the gallery's first page (60
 * pictures) REQUESTS times, one after the other, after WARMUP untimed ones, and walks every page
 * by cursor once. Prints Markdown rows for docs/performance.md.
 *
 *   java bench/GalleryBench.java http://127.0.0.1:18087 [pictures] [requests] [warmup]
 *
 * Run by bench/gallery.sh, which starts the server.
 */
public class GalleryBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern THUMBNAIL = Pattern.compile("\"thumbnail\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int pictures = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 30;

        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "correct horse battery staple";
        send("POST", base + "/api/v1/auth/register", null, json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Bench\"}"), 201);
        String token = first(TOKEN, send("POST", base + "/api/v1/auth/login", null,
                json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"), 200).body());
        String workspace = first(ID, send("POST", base + "/api/v1/workspaces", token, json("{\"name\":\"Bench\"}"), 201).body());
        String files = base + "/api/v1/workspaces/" + workspace + "/files?name=";
        byte[] png = png();

        // The first upload's thumbnail is made by the conversion job; wait for it so the rest reuse it.
        String firstId = first(ID, send("PUT", files + "photo-0.png", token, HttpRequest.BodyPublishers.ofByteArray(png), 201).body());
        for (int i = 0; i < 600 && !"ready".equals(first(THUMBNAIL, send("GET", base + "/api/v1/files/" + firstId, token, null, 200).body())); i++) {
            Thread.sleep(100);
        }
        long fillStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> filling = new ArrayList<>();
        for (int i = 1; i < pictures; i++) {
            int n = i;
            filling.add(pool.submit(() -> {
                String id = first(ID, send("PUT", files + "photo-" + n + ".png", token, HttpRequest.BodyPublishers.ofByteArray(png), 201).body());
                if (n % 10 == 0) {
                    send("POST", base + "/api/v1/pictures/" + id + "/comments", token, json("{\"body\":\"Picture " + n + "\"}"), 201);
                }
                if (n % 5 == 0) {
                    send("PUT", base + "/api/v1/pictures/" + id + "/reactions/like", token, null, 200);
                }
                return null;
            }));
        }
        for (Future<?> f : filling) {
            f.get();
        }
        pool.shutdown();
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        String gallery = base + "/api/v1/workspaces/" + workspace + "/gallery?limit=60";
        for (int i = 0; i < warmup; i++) {
            send("GET", gallery, token, null, 200);
        }
        long[] micros = new long[requests];
        String statements = "?";
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = send("GET", gallery, token, null, 200);
            micros[i] = (System.nanoTime() - start) / 1000;
            statements = page.headers().firstValue("X-Moim-Sql-Statements").orElse("?");
            bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
        }
        Arrays.sort(micros);

        // Every page by cursor, once: the deepest pages cost what the first does (keyset, not offset).
        List<Long> walk = new ArrayList<>();
        List<String> walkStatements = new ArrayList<>();
        String cursor = null;
        int seen = 0;
        do {
            long start = System.nanoTime();
            HttpResponse<String> page = send("GET", gallery + (cursor == null ? "" : "&cursor=" + cursor), token, null, 200);
            walk.add((System.nanoTime() - start) / 1000);
            walkStatements.add(page.headers().firstValue("X-Moim-Sql-Statements").orElse("?"));
            Matcher ids = Pattern.compile("\"contentUrl\"").matcher(page.body());
            while (ids.find()) {
                seen++;
            }
            Matcher next = NEXT.matcher(page.body());
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        if (seen != pictures) {
            throw new IllegalStateException("walked " + seen + " pictures, uploaded " + pictures);
        }
        long[] walked = walk.stream().mapToLong(Long::longValue).sorted().toArray();

        System.out.printf("Uploaded %d pictures (every 10th commented, every 5th with a reaction) in %.1f s.%n%n", pictures, fillSeconds);
        System.out.println("| request | requests | median | p99 | max | SQL statements | response |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf("| GET gallery, first page of 60, %d pictures | %d | %.1f ms | %.1f ms | %.1f ms | %s | %d KiB |%n", pictures, requests,
                percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0, micros[micros.length - 1] / 1000.0, statements, bytes / 1024);
        System.out.printf("| every page by cursor (%d pages) | %d | %.1f ms | %.1f ms | %.1f ms | %s | |%n", walk.size(), walk.size(),
                percentile(walked, 50) / 1000.0, percentile(walked, 99) / 1000.0, walked[walked.length - 1] / 1000.0,
                String.join(", ", walkStatements.stream().distinct().toList()));
    }

    /** A small photo-like PNG (64×48, a gradient). */
    private static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
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

    private static HttpRequest.BodyPublisher json(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static HttpResponse<String> send(String method, String url, String token, HttpRequest.BodyPublisher body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", method.equals("PUT") ? "application/octet-stream" : "application/json");
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
