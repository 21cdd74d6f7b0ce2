import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.moim.file.control.ThumbnailImages;

/**
 * Jobs per second through the conversion queue (bench/jobs.sh): uploads N photos at once, each of
 * which queues a thumbnail job on {@code moim.conversion}, and follows every job through
 * GET /api/v1/jobs/{id} until it SUCCEEDED. Throughput is N over the time from the first job's
 * creation to the last one's end (the jobs' own timestamps); latency is each job's end minus its
 * creation (waiting in the queue plus the work). The baseline, in the same run and on the same
 * images: the same thumbnail code (ThumbnailImages, from target/classes) called directly on as many
 * threads as the server's listener has sessions, no queue, no database, no HTTP.
 *
 *   java -cp target/classes bench/JobsBench.java http://127.0.0.1:18281 [jobs] [sessions]
 *
 * Exits with 1 (after the table) when any job ended DEAD.
 */
public class JobsBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JOB = Pattern.compile("\"thumbnailJobId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UPDATED = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 2;

        List<byte[]> photos = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            photos.add(photo(random, i));
        }
        long bytes = photos.stream().mapToLong(p -> p.length).sum();

        // Baseline: the same work without the queue.
        render(photos.subList(0, Math.min(20, count)), sessions); // warm-up
        long baselineStart = System.nanoTime();
        render(photos, sessions);
        double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;

        String email = "jobs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "correct horse battery staple";
        send("POST", base + "/api/v1/auth/register", null, "application/json",
                ("{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Jobs\"}").getBytes(), 201);
        String token = first(TOKEN, send("POST", base + "/api/v1/auth/login", null, "application/json",
                ("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").getBytes(), 200).body());
        String workspace = first(ID, send("POST", base + "/api/v1/workspaces", token, "application/json", "{\"name\":\"Jobs\"}".getBytes(), 201).body());

        // All uploads at once (4 at a time), so the queue fills faster than it drains.
        ConcurrentLinkedQueue<String> jobs = new ConcurrentLinkedQueue<>();
        ExecutorService uploaders = Executors.newFixedThreadPool(4);
        long uploadStart = System.nanoTime();
        List<Future<?>> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] photo = photos.get(i);
            String name = "photo-" + i + ".jpg";
            uploads.add(uploaders.submit(() -> jobs.add(first(JOB, send("PUT", base + "/api/v1/workspaces/" + workspace + "/files?name=" + name,
                    token, "image/jpeg", photo, 201).body()))));
        }
        for (Future<?> upload : uploads) {
            upload.get();
        }
        double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
        Instant uploadsDone = Instant.now();
        uploaders.shutdown();

        List<Instant> created = new ArrayList<>();
        List<Instant> finished = new ArrayList<>();
        int failed = 0;
        for (String job : jobs) {
            while (true) {
                String body = send("GET", base + "/api/v1/jobs/" + job, token, null, null, 200).body();
                String status = first(STATUS, body);
                if (status.equals("SUCCEEDED") || status.equals("DEAD")) {
                    failed += status.equals("DEAD") ? 1 : 0;
                    created.add(Instant.parse(first(CREATED, body)));
                    finished.add(Instant.parse(first(UPDATED, body)));
                    break;
                }
                Thread.sleep(100);
            }
        }
        Instant firstCreated = created.stream().min(Instant::compareTo).orElseThrow();
        Instant lastFinished = finished.stream().max(Instant::compareTo).orElseThrow();
        double queueSeconds = Duration.between(firstCreated, lastFinished).toMillis() / 1e3;
        long[] latencies = new long[created.size()];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = Duration.between(created.get(i), finished.get(i)).toMillis();
        }
        Arrays.sort(latencies);

        double queueRate = count / queueSeconds;
        // Once the uploads are over, the queue drains with nothing else running: its own pace.
        long drained = finished.stream().filter(f -> f.isAfter(uploadsDone)).count();
        double drainSeconds = Duration.between(uploadsDone, lastFinished).toMillis() / 1e3;
        double baselineRate = count / baselineSeconds;
        System.out.printf("%d photos (1600×1200 JPEG, %.1f MB in all), %d listener sessions, %d failed%n%n", count, bytes / 1e6, sessions, failed);
        System.out.println("| | jobs/s | seconds | latency p50 / p95 / max |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| thumbnail jobs through `moim.conversion` (upload → SUCCEEDED) | %.1f | %.1f | %d / %d / %d ms |%n", queueRate, queueSeconds,
                percentile(latencies, 50), percentile(latencies, 95), latencies[latencies.length - 1]);
        if (drained > 0 && drainSeconds > 0) {
            System.out.printf("| the same queue draining after the last upload (%d jobs left) | %.1f | %.1f | — |%n", drained,
                    drained / drainSeconds, drainSeconds);
        }
        System.out.printf("| baseline: the same thumbnails in-process on %d threads | %.1f | %.1f | — |%n", sessions, baselineRate, baselineSeconds);
        System.out.printf("%nratio (queue / in-process): %.2f; the uploads themselves took %.1f s (%.1f uploads/s)%n", queueRate / baselineRate,
                uploadSeconds, count / uploadSeconds);
        if (failed > 0) {
            System.err.println(failed + " of " + count + " jobs ended DEAD");
            System.exit(1);
        }
    }

    private static byte[] photo(Random random, int i) throws Exception {
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), 1600, 1200, new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, 1600, 1200);
        for (int k = 0; k < 200; k++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(1600), random.nextInt(1200), 20 + random.nextInt(200), 20 + random.nextInt(200));
        }
        g.drawString("photo " + i, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static void render(List<byte[]> photos, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (byte[] photo : photos) {
            done.add(pool.submit(() -> ThumbnailImages.render(new ByteArrayInputStream(photo)).orElseThrow()));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
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

    private static HttpResponse<String> send(String method, String url, String token, String type, byte[] body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
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
