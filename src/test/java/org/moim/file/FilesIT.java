package org.moim.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Deployments;
import org.moim.workspace.entity.MemberRole;

/**
 * Files through the real HTTP API: uploads (multipart, raw PUT and POST), downloads with ranges
 * and validators, bad input of every kind, limits, permissions, the browser and thumbnails. The
 * test server runs with a 4 MiB limit per file and a 10 MiB quota per workspace (pom.xml), and
 * this class looks into its storage directory to prove what is (not) left behind.
 */
@ExtendWith(ArquillianExtension.class)
class FilesIT {

    private static final long MAX_FILE = 4L << 20;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Path STORAGE = Path.of(System.getenv("MOIM_DATA_DIR"), "files");
    private static final String CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    // ---------------------------------------------------------------- helpers

    /** An HTTP answer with its body as bytes. */
    private record Http(int status, HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(text()))) {
                return reader.readObject();
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String problemType() {
            return json().getString("type");
        }

        @Override
        public String toString() {
            return status + " " + (body.length > 2000 ? "(" + body.length + " bytes)" : text());
        }
    }

    private Api api() {
        return new Api(base);
    }

    private HttpRequest.Builder request(String path, SignedIn who) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", "10.9.8.7");
        if (who != null) {
            builder.header("Authorization", "Bearer " + who.accessToken());
        }
        return builder;
    }

    private Http send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Http(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Http upload(String method, String workspace, SignedIn who, String query, String contentType, byte[] content, String... headers) {
        HttpRequest.Builder request = request("/api/v1/workspaces/" + workspace + "/files" + query, who)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(content));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private Http put(String workspace, SignedIn who, String name, String contentType, byte[] content) {
        return upload("PUT", workspace, who, "?name=" + encode(name), contentType, content);
    }

    private static final String BOUNDARY = "----moimTestBoundary" + UUID.randomUUID();

    private static byte[] form(String filename, String partType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Http uploadForm(String workspace, SignedIn who, String query, String filename, String partType, byte[] content) {
        return upload("POST", workspace, who, query, "multipart/form-data; boundary=" + BOUNDARY, form(filename, partType, content));
    }

    private Http get(String path, SignedIn who, String... headers) {
        HttpRequest.Builder request = request(path, who).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String workspace(Api api, SignedIn owner, String name) {
        Reply created = api.post("/api/v1/workspaces", json("name", name), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private void join(Api api, SignedIn owner, String workspace, SignedIn who, MemberRole role) {
        Reply invited = api.post("/api/v1/workspaces/" + workspace + "/invitations",
                json("email", who.email(), "role", role == MemberRole.OWNER ? "MANAGER" : role.name()), owner.accessToken());
        assertThat(invited.status()).as(invited.toString()).isIn(200, 201);
        Reply accepted = api.post("/api/v1/me/invitations/" + invited.json().getString("id") + "/accept", json(), who.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        if (role == MemberRole.OWNER) {
            Reply promoted = api.patch("/api/v1/workspaces/" + workspace + "/members/" + who.id(), json("role", "OWNER"), owner.accessToken());
            assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        }
    }

    private static void assertProblem(Http reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.problemType()).as(reply.toString()).isEqualTo(type);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path blob(String sha) {
        return STORAGE.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private static List<Path> staged() {
        if (!Files.isDirectory(STORAGE.resolve("staging"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(STORAGE.resolve("staging"))) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x * height / width, 0x3366FF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonObject usage(String workspace, SignedIn who) {
        Http usage = get("/api/v1/workspaces/" + workspace + "/files/usage", who);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        return usage.json();
    }

    private List<String> names(Http page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(f -> f.getString("name")).toList();
    }

    // ---------------------------------------------------------------- uploads and downloads

    @Test
    void aFormUploadDownloadsByteForByteWithItsUnicodeName() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Uploader");
        String workspace = workspace(api, owner, "Files");
        byte[] content = random(300_000, 1);

        // A quote inside a quoted filename travels as a quoted-pair (\").
        Http created = uploadForm(workspace, owner, "", "회의록 \\\"final\\\".bin", "application/octet-stream", content);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject file = created.json();
        String id = file.getString("id");
        assertThat(created.header("Location")).endsWith("/api/v1/files/" + id);
        assertThat(file.getString("name")).isEqualTo("회의록 \"final\".bin");
        assertThat(file.getJsonNumber("size").longValue()).isEqualTo(content.length);
        assertThat(file.getString("contentType")).isEqualTo("application/octet-stream");
        assertThat(file.getString("sha256")).isEqualTo(sha256(content));
        assertThat(file.getString("thumbnail")).isEqualTo("none");
        assertThat(file.getJsonObject("uploader").getString("id")).isEqualTo(owner.id());
        assertThat(blob(sha256(content))).exists();

        Http download = get("/api/v1/files/" + id + "/content", owner);

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(content.length));
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(content) + "\"");
        assertThat(download.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"___ _final_.bin\"; filename*=UTF-8''%ED%9A%8C%EC%9D%98%EB%A1%9D%20%22final%22.bin");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly(CSP);
    }

    @Test
    void integratorsUploadTheBodyWithPutOrPost() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Integrator");
        String workspace = workspace(api, owner, "Raw");
        byte[] pdf = text("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");

        Http put = put(workspace, owner, "보고서.pdf", "application/pdf", pdf);
        Http post = upload("POST", workspace, owner, "", "application/octet-stream", text("plain words\n"),
                "Content-Disposition", "attachment; filename=\"notes.txt\"; filename*=UTF-8''%EB%85%B8%ED%8A%B8.txt");
        Http json = upload("POST", workspace, owner, "?name=data.json", "application/json", text("{\"a\": " + "1".repeat(2_000_000) + "}"));

        assertThat(put.status()).as(put.toString()).isEqualTo(201);
        assertThat(put.json().getString("name")).isEqualTo("보고서.pdf");
        assertThat(put.json().getString("contentType")).isEqualTo("application/pdf");
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        assertThat(post.json().getString("name")).isEqualTo("노트.txt");
        assertThat(post.json().getString("contentType")).isEqualTo("text/plain");
        // A JSON file is a file: not held to the 1 MiB limit of JSON request bodies.
        assertThat(json.status()).as(json.toString()).isEqualTo(201);
        assertThat(json.json().getString("contentType")).isEqualTo("application/json");

        Http pdfDownload = get("/api/v1/files/" + put.json().getString("id") + "/content", owner);
        assertThat(pdfDownload.body()).isEqualTo(pdf);
        assertThat(pdfDownload.header("Content-Disposition")).startsWith("attachment;");
        Http textDownload = get("/api/v1/files/" + post.json().getString("id") + "/content", owner);
        assertThat(textDownload.header("Content-Type").replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(textDownload.header("Content-Disposition")).startsWith("inline;");
        assertThat(get("/api/v1/files/" + post.json().getString("id") + "/content?download=true", owner).header("Content-Disposition"))
                .startsWith("attachment;");
    }

    @Test
    void rangesValidatorsAndTheEndOfTheContent() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Ranger");
        String workspace = workspace(api, owner, "Ranges");
        byte[] content = random(10_000, 2);
        String id = put(workspace, owner, "data.bin", null, content).json().getString("id");
        String path = "/api/v1/files/" + id + "/content";
        String etag = "\"" + sha256(content) + "\"";

        Http first = get(path, owner, "Range", "bytes=0-99");
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 0, 100));
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-99/10000");
        assertThat(first.header("Content-Length")).isEqualTo("100");

        Http tail = get(path, owner, "Range", "bytes=-10");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 9990, 10000));
        Http open = get(path, owner, "Range", "bytes=9000-");
        assertThat(open.header("Content-Range")).isEqualTo("bytes 9000-9999/10000");

        Http past = get(path, owner, "Range", "bytes=10000-20000");
        assertProblem(past, 416, "/problems/range-not-satisfiable");
        assertThat(past.header("Content-Range")).isEqualTo("bytes */10000");

        Http cached = get(path, owner, "If-None-Match", etag);
        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(cached.header("ETag")).isEqualTo(etag);
        assertThat(get(path, owner, "If-None-Match", "\"other\"").status()).isEqualTo(200);

        Http changed = get(path, owner, "Range", "bytes=0-9", "If-Range", "\"stale\"");
        assertThat(changed.status()).as("If-Range that does not match: the whole content").isEqualTo(200);
        assertThat(changed.body()).isEqualTo(content);
        assertThat(get(path, owner, "Range", "bytes=0-9", "If-Range", etag).status()).isEqualTo(206);
        assertThat(get(path, owner, "Range", "bytes=0-1,5-6").status()).as("several ranges: the whole content").isEqualTo(200);
    }

    @Test
    void activeContentIsAlwaysAnAttachmentThatCannotRun() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Active");
        String workspace = workspace(api, owner, "Active content");

        Http html = put(workspace, owner, "harmless.txt", "text/plain", text("<html><script>alert(document.cookie)</script></html>"));
        Http svg = uploadForm(workspace, owner, "", "drawing.svg", "image/svg+xml", text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
        Http script = put(workspace, owner, "app.js", "text/plain", text("alert(1)"));

        assertThat(html.json().getString("contentType")).isEqualTo("text/html");
        assertThat(svg.status()).as("an SVG is an image (its claim holds)").isEqualTo(201);
        assertThat(svg.json().getString("contentType")).isEqualTo("image/svg+xml");
        assertThat(script.json().getString("contentType")).isEqualTo("text/javascript");
        for (Http file : List.of(html, svg, script)) {
            Http download = get("/api/v1/files/" + file.json().getString("id") + "/content", owner);
            assertThat(download.header("Content-Disposition")).as(file.toString()).startsWith("attachment;");
            assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly(CSP);
        }
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void zeroByteFilesAreKeptAndHaveNoRanges() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Empty");
        String workspace = workspace(api, owner, "Empty files");

        Http empty = put(workspace, owner, "empty.txt", "text/plain", new byte[0]);
        Http emptyForm = uploadForm(workspace, owner, "", ".gitkeep", "application/octet-stream", new byte[0]);

        assertThat(empty.status()).as(empty.toString()).isEqualTo(201);
        assertThat(empty.json().getJsonNumber("size").longValue()).isZero();
        assertThat(empty.json().getString("contentType")).isEqualTo("application/octet-stream");
        assertThat(emptyForm.status()).as(emptyForm.toString()).isEqualTo(201);
        Http download = get("/api/v1/files/" + empty.json().getString("id") + "/content", owner);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEmpty();
        assertThat(download.header("Content-Length")).isEqualTo("0");
        assertProblem(get("/api/v1/files/" + empty.json().getString("id") + "/content", owner, "Range", "bytes=0-"), 416,
                "/problems/range-not-satisfiable");
        assertProblem(put(workspace, owner, "empty.png", "image/png", new byte[0]), 415, "/problems/not-an-image");
    }

    @Test
    void theDeclaredTypeIsIgnoredButAFakeImageIsRefused() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Liar");
        String workspace = workspace(api, owner, "Types");
        byte[] png = png(20, 10);

        Http mislabelled = put(workspace, owner, "scan.pdf", "application/pdf", png);
        assertThat(mislabelled.status()).as(mislabelled.toString()).isEqualTo(201);
        assertThat(mislabelled.json().getString("contentType")).isEqualTo("image/png");

        Http fakeByType = put(workspace, owner, "photo", "image/png", text("<html><body>not an image</body></html>"));
        Http fakeByName = uploadForm(workspace, owner, "", "cat.jpg", "application/octet-stream", text("MZ this is a program"));
        assertProblem(fakeByType, 415, "/problems/not-an-image");
        assertThat(fakeByType.json().getString("detail")).contains("text/html");
        assertProblem(fakeByName, 415, "/problems/not-an-image");

        assertThat(usage(workspace, owner).getInt("fileCount")).isEqualTo(1);
        assertThat(blob(sha256(text("<html><body>not an image</body></html>")))).doesNotExist();
        await("the refused uploads' staging files are gone", () -> staged().isEmpty());
    }

    @Test
    void badNamesAreRefusedAndNeverReachTheFileSystem() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Namer");
        String workspace = workspace(api, owner, "Names");
        byte[] content = text("content " + UUID.randomUUID());

        for (String name : List.of("../../etc/passwd", "..\\boot.ini", "..", "line\r\nbreak.txt", "bell\u0007.txt",
                "\u202Egnp.exe", "x".repeat(300) + ".txt", "   ")) {
            Http reply = put(workspace, owner, name, "text/plain", content);
            assertProblem(reply, 400, "/problems/validation");
            assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("name");
        }
        Http formPath = uploadForm(workspace, owner, "", "../secret.txt", "text/plain", content);
        assertProblem(formPath, 400, "/problems/validation");
        assertProblem(uploadForm(workspace, owner, "", "", "application/octet-stream", content), 400, "/problems/validation");
        assertProblem(upload("POST", workspace, owner, "", "text/plain", content), 400, "/problems/validation");

        assertThat(blob(sha256(content))).doesNotExist();
        assertThat(usage(workspace, owner).getInt("fileCount")).isZero();
        Http longest = put(workspace, owner, "가".repeat(251) + ".txt", "text/plain", content);
        assertThat(longest.status()).as("255 characters are fine").isEqualTo(201);

        Http renamed = send(request("/api/v1/files/" + longest.json().getString("id"), owner)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json("name", "../up.txt").toString()))
                .header("Content-Type", "application/json"));
        assertProblem(renamed, 400, "/problems/validation");
    }

    @Test
    void limitsAnswer413WhileTheBodyStreams() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Big");
        String workspace = workspace(api, owner, "Limits");
        byte[] tooLarge = random((int) MAX_FILE + 1, 3);

        Http declared = put(workspace, owner, "large.bin", null, tooLarge);
        assertProblem(declared, 413, "/problems/file-too-large");
        assertThat(declared.json().getString("detail")).contains(String.valueOf(MAX_FILE));

        // No Content-Length: counted as the bytes arrive.
        Http chunked = send(request("/api/v1/workspaces/" + workspace + "/files?name=chunked.bin", owner)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))));
        assertProblem(chunked, 413, "/problems/file-too-large");
        assertProblem(uploadForm(workspace, owner, "", "form.bin", "application/octet-stream", tooLarge), 413, "/problems/file-too-large");

        // 10 MiB quota: two 4 MiB files fit, a third does not.
        assertThat(put(workspace, owner, "one.bin", null, random((int) MAX_FILE, 4)).status()).isEqualTo(201);
        assertThat(put(workspace, owner, "two.bin", null, random((int) MAX_FILE, 5)).status()).isEqualTo(201);
        byte[] third = random((int) MAX_FILE, 6);
        Http over = put(workspace, owner, "three.bin", null, third);
        assertProblem(over, 413, "/problems/storage-quota-exceeded");
        Http overChunked = send(request("/api/v1/workspaces/" + workspace + "/files?name=three.bin", owner)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(third))));
        assertProblem(overChunked, 413, "/problems/storage-quota-exceeded");
        assertThat(put(workspace, owner, "small.bin", null, random(1000, 7)).status()).as("what still fits").isEqualTo(201);

        JsonObject usage = usage(workspace, owner);
        assertThat(usage.getJsonNumber("usedBytes").longValue()).isEqualTo(2 * MAX_FILE + 1000);
        assertThat(usage.getInt("fileCount")).isEqualTo(3);
        assertThat(usage.getJsonNumber("quotaBytes").longValue()).isEqualTo(10L << 20);
        assertThat(usage.getJsonNumber("maxFileSize").longValue()).isEqualTo(MAX_FILE);
        assertThat(blob(sha256(third))).doesNotExist();
        assertThat(blob(sha256(tooLarge))).doesNotExist();
        await("no staged upload is left", () -> staged().isEmpty());
    }

    @Test
    void concurrentUploadsNeverPassTheQuotaTogether() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Racer");
        String workspace = workspace(api, owner, "Quota race");
        int uploads = 4;  // 4 × 3 MiB into 10 MiB: three fit
        CyclicBarrier start = new CyclicBarrier(uploads);
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<Http>> replies = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                byte[] content = random(3 << 20, 100 + i);
                replies.add(pool.submit(() -> {
                    start.await();
                    return put(workspace, owner, "part.bin", null, content);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 201, 201, 413);
        } finally {
            pool.shutdownNow();
        }
        assertThat(usage(workspace, owner).getJsonNumber("usedBytes").longValue()).isEqualTo(9L << 20);
    }

    @Test
    void anInterruptedUploadLeavesNothingInStorageOrTheDatabase() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Quitter");
        String workspace = workspace(api, owner, "Interrupted");
        byte[] content = random(2 << 20, 8);
        URI uri = URI.create(base.toString());

        // Raw, with a Content-Length the client never honours.
        interrupt(uri, "PUT /api/v1/workspaces/" + workspace + "/files?name=raw.bin", owner,
                "Content-Type: application/octet-stream\r\nContent-Length: " + content.length + "\r\n", content);
        // Multipart, chunked, cut inside the file part.
        interrupt(uri, "POST /api/v1/workspaces/" + workspace + "/files", owner,
                "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n",
                form("cut.bin", "application/octet-stream", content));

        assertThat(blob(sha256(content))).doesNotExist();
        assertThat(usage(workspace, owner).getInt("fileCount")).isZero();
        assertThat(names(get("/api/v1/workspaces/" + workspace + "/files", owner))).isEmpty();
        assertThat(put(workspace, owner, "after.bin", null, random(10, 9)).status()).as("the server still takes uploads").isEqualTo(201);
    }

    /** Sends the head of a request and 1 MiB of its body, waits until the server stages it, then hangs up. */
    private void interrupt(URI uri, String requestLine, SignedIn who, String headers, byte[] body) throws Exception {
        boolean chunked = headers.contains("chunked");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Authorization: Bearer " + who.accessToken() + "\r\nX-Forwarded-For: 10.9.8.6\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            int sent = 1 << 20;
            if (chunked) {
                out.write((Integer.toHexString(sent) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(body, 0, sent);
            out.flush();
            await("the server stages the upload", () -> !staged().isEmpty());
        }
        await("the interrupted upload's staging file is removed", () -> staged().isEmpty());
    }

    @Test
    void twoUploadsOfTheSameNameAtOnceAreTwoFilesSharingTheirContent() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Twins");
        String workspace = workspace(api, owner, "Same name");
        byte[] content = random(1 << 20, 10);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Http> replies = new ArrayList<>();
        try {
            Callable<Http> upload = () -> {
                start.await();
                return put(workspace, owner, "same.bin", null, content);
            };
            Future<Http> first = pool.submit(upload);
            Future<Http> second = pool.submit(upload);
            replies.add(first.get());
            replies.add(second.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(replies).extracting(Http::status).containsExactly(201, 201);
        assertThat(replies).extracting(r -> r.json().getString("id")).doesNotHaveDuplicates();
        assertThat(names(get("/api/v1/workspaces/" + workspace + "/files", owner))).containsExactly("same.bin", "same.bin");
        assertThat(blob(sha256(content))).exists().hasSize(content.length);
        assertThat(usage(workspace, owner).getJsonNumber("usedBytes").longValue()).isEqualTo(2L * content.length);
        for (Http reply : replies) {
            assertThat(get("/api/v1/files/" + reply.json().getString("id") + "/content", owner).body()).isEqualTo(content);
        }
    }

    @Test
    void aDeletedFileIsGoneAndItsContentGoesWithTheLastFileUsingIt() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Deleter");
        String workspace = workspace(api, owner, "Deleting");
        byte[] content = random(50_000, 11);
        String first = put(workspace, owner, "a.bin", null, content).json().getString("id");
        String second = put(workspace, owner, "b.bin", null, content).json().getString("id");
        Path blob = blob(sha256(content));

        assertThat(api.delete("/api/v1/files/" + first, owner.accessToken()).status()).isEqualTo(204);

        assertProblem(get("/api/v1/files/" + first + "/content", owner), 404, "/problems/not-found");
        assertProblem(get("/api/v1/files/" + first, owner), 404, "/problems/not-found");
        assertProblem(send(request("/api/v1/files/" + first, owner).DELETE()), 404, "/problems/not-found");
        assertThat(get("/api/v1/files/" + second + "/content", owner).body()).isEqualTo(content);
        assertThat(blob).exists();
        assertThat(usage(workspace, owner).getJsonNumber("usedBytes").longValue()).isEqualTo(content.length);

        assertThat(api.delete("/api/v1/files/" + second, owner.accessToken()).status()).isEqualTo(204);
        await("the unshared content is deleted", () -> !Files.exists(blob));
        assertThat(usage(workspace, owner).getInt("fileCount")).isZero();
    }

    @Test
    void theSweepRemovesWhatACrashLeftBehind() throws Exception {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Sweeper");
        String leftover = "f".repeat(63) + "0";
        Path orphan = blob(leftover);
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, text("no row references me"));
        Path staged = STORAGE.resolve("staging").resolve(UUID.randomUUID() + ".part");
        Files.write(staged, text("half an upload"));

        Reply now = api.post("/api/v1/test-probe/files/sweep?hoursLater=0", json(), owner.accessToken());
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
        assertThat(orphan).as("too fresh: it may belong to an upload committing now").exists();

        Reply later = api.post("/api/v1/test-probe/files/sweep?hoursLater=25", json(), owner.accessToken());
        assertThat(later.json().getInt("orphans")).isGreaterThanOrEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(staged).doesNotExist();
    }

    // ---------------------------------------------------------------- the browser

    @Test
    void theBrowserFiltersSearchesSortsAndPagesInConstantQueries() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Browser");
        SignedIn member = Accounts.signUp(api, "Browsing member");
        String workspace = workspace(api, owner, "Browse");
        join(api, owner, workspace, member, MemberRole.MEMBER);
        String list = "/api/v1/workspaces/" + workspace + "/files";

        put(workspace, owner, "Zebra.txt", null, text("zebra"));
        Http one = get(list, owner);
        String statementsForOne = one.header("X-Moim-Sql-Statements");
        put(workspace, member, "apple.png", null, png(10, 10));
        put(workspace, owner, "Mango 50%.bin", null, random(5_000, 12));
        put(workspace, member, "banana.txt", null, text("banana banana"));
        put(workspace, owner, "cherry_pie.txt", null, text("c"));

        Http all = get(list, owner);
        assertThat(names(all)).containsExactly("cherry_pie.txt", "banana.txt", "Mango 50%.bin", "apple.png", "Zebra.txt");
        assertThat(all.header("X-Moim-Sql-Statements")).as("no N+1: one file or five").isEqualTo(statementsForOne);
        assertThat(Integer.parseInt(statementsForOne)).isLessThanOrEqualTo(3);

        assertThat(names(get(list + "?sort=name", owner))).containsExactly("apple.png", "banana.txt", "cherry_pie.txt", "Mango 50%.bin", "Zebra.txt");
        assertThat(names(get(list + "?sort=size", owner)).get(0)).isEqualTo("Mango 50%.bin");
        assertThat(names(get(list + "?sort=size&order=asc", owner)).get(0)).isEqualTo("cherry_pie.txt");
        assertThat(names(get(list + "?type=image/*", owner))).containsExactly("apple.png");
        assertThat(names(get(list + "?type=text/plain", owner))).containsExactly("cherry_pie.txt", "banana.txt", "Zebra.txt");
        assertThat(names(get(list + "?uploader=" + member.id(), owner))).containsExactly("banana.txt", "apple.png");
        assertThat(names(get(list + "?q=AN", owner))).containsExactly("banana.txt", "Mango 50%.bin");
        assertThat(names(get(list + "?q=" + encode("50%"), owner))).containsExactly("Mango 50%.bin");
        assertThat(names(get(list + "?q=_", owner))).containsExactly("cherry_pie.txt");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Http page = get(list + "?sort=name&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), owner);
            paged.addAll(names(page));
            JsonObject body = page.json();
            cursor = body.isNull("nextCursor") ? null : body.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly("apple.png", "banana.txt", "cherry_pie.txt", "Mango 50%.bin", "Zebra.txt");

        String sizeCursor = get(list + "?sort=size&limit=2", owner).json().getString("nextCursor");
        assertProblem(get(list + "?sort=name&cursor=" + sizeCursor, owner), 400, "/problems/validation");
        assertProblem(get(list + "?sort=colour", owner), 400, "/problems/validation");
        assertProblem(get(list + "?target=nowhere:1", owner), 400, "/problems/validation");
        assertProblem(get(list + "?target=../../x", owner), 400, "/problems/validation");

        String zebra = get(list + "?q=zebra", owner).json().getJsonArray("items").getJsonObject(0).getString("id");
        Reply renamed = api.patch("/api/v1/files/" + zebra, json("name", "Aardvark.txt"), owner.accessToken());
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(names(get(list + "?sort=name&limit=1", owner))).containsExactly("Aardvark.txt");
        assertThat(get("/api/v1/files/" + zebra + "/content", owner).header("Content-Disposition")).contains("Aardvark.txt");
    }

    // ---------------------------------------------------------------- permissions

    /** What one role may do with a file that someone else (a MEMBER) uploaded to the workspace. */
    private enum Probe {
        LIST, DOWNLOAD, USAGE, UPLOAD, RENAME_OTHERS, DELETE_OTHERS
    }

    @Test
    void everyRoleMayDoWithFilesExactlyWhatTheMatrixSays() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "File Owner");
        SignedIn uploader = Accounts.signUp(api, "File Uploader");
        Map<MemberRole, SignedIn> callers = new EnumMap<>(MemberRole.class);
        for (MemberRole role : MemberRole.values()) {
            callers.put(role, Accounts.signUp(api, "File " + role));
        }
        Map<MemberRole, Set<Probe>> allowed = Map.of(
                MemberRole.OWNER, Set.of(Probe.values()),
                MemberRole.MANAGER, Set.of(Probe.values()),
                MemberRole.MEMBER, Set.of(Probe.LIST, Probe.DOWNLOAD, Probe.USAGE, Probe.UPLOAD),
                MemberRole.GUEST, Set.of(Probe.UPLOAD));

        List<String> mismatches = new ArrayList<>();
        for (MemberRole role : MemberRole.values()) {
            SignedIn caller = callers.get(role);
            String workspace = workspace(api, owner, "Matrix " + role);
            join(api, owner, workspace, uploader, MemberRole.MEMBER);
            join(api, owner, workspace, caller, role);
            for (Probe probe : Probe.values()) {
                String file = put(workspace, uploader, "theirs.txt", null, text("theirs")).json().getString("id");
                Http reply = switch (probe) {
                    case LIST -> {
                        Http page = get("/api/v1/workspaces/" + workspace + "/files", caller);
                        yield page.status() == 200 && page.text().contains(file) ? page : new Http(403, page.headers(), page.body());
                    }
                    case DOWNLOAD -> get("/api/v1/files/" + file + "/content", caller);
                    case USAGE -> get("/api/v1/workspaces/" + workspace + "/files/usage", caller);
                    case UPLOAD -> put(workspace, caller, "mine.txt", null, text("mine"));
                    case RENAME_OTHERS -> send(request("/api/v1/files/" + file, caller)
                            .method("PATCH", HttpRequest.BodyPublishers.ofString(json("name", "renamed.txt").toString()))
                            .header("Content-Type", "application/json"));
                    case DELETE_OTHERS -> send(request("/api/v1/files/" + file, caller).DELETE());
                };
                boolean expected = allowed.get(role).contains(probe);
                boolean ok = expected ? reply.status() / 100 == 2
                        // Files a guest may not see are not there for them (404); actions on visible ones are 403.
                        : reply.status() == 403 || reply.status() == 404;
                if (!ok) {
                    mismatches.add(role + " " + probe + " (expected " + (expected ? "2xx" : "403/404") + "): " + reply);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void membersRenameAndDeleteTheirOwnFilesAndGuestsSeeOnlyTheirs() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Own Owner");
        SignedIn member = Accounts.signUp(api, "Own Member");
        SignedIn guest = Accounts.signUp(api, "Own Guest");
        String workspace = workspace(api, owner, "Own files");
        join(api, owner, workspace, member, MemberRole.MEMBER);
        join(api, owner, workspace, guest, MemberRole.GUEST);
        String ownersFile = put(workspace, owner, "owners.txt", null, text("o")).json().getString("id");
        String membersFile = put(workspace, member, "members.txt", null, text("m")).json().getString("id");
        String guestsFile = put(workspace, guest, "guests.txt", null, text("g")).json().getString("id");

        assertThat(api.patch("/api/v1/files/" + membersFile, json("name", "mine.txt"), member.accessToken()).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/files/" + ownersFile, json("name", "x.txt"), member.accessToken()).status()).isEqualTo(403);
        assertThat(names(get("/api/v1/workspaces/" + workspace + "/files?sort=name", guest))).containsExactly("guests.txt");
        assertProblem(get("/api/v1/files/" + ownersFile + "/content", guest), 404, "/problems/not-found");
        assertProblem(get("/api/v1/workspaces/" + workspace + "/files/usage", guest), 403, "/problems/forbidden");
        assertThat(names(get("/api/v1/workspaces/" + workspace + "/files?sort=name", member))).containsExactly("guests.txt", "mine.txt", "owners.txt");
        assertThat(api.delete("/api/v1/files/" + guestsFile, guest.accessToken()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/files/" + membersFile, owner.accessToken()).status()).as("owners delete anyone's").isEqualTo(204);
    }

    @Test
    void someoneElsesFilesAndWorkspacesAnswer404AndNoData() {
        Api api = api();
        SignedIn alice = Accounts.signUp(api, "Alice Files");
        SignedIn mallory = Accounts.signUp(api, "Mallory Files");
        String workspace = workspace(api, alice, "Secret files");
        String file = put(workspace, alice, "plans.txt", null, text("secret plans")).json().getString("id");

        for (Http reply : List.of(
                get("/api/v1/files/" + file, mallory),
                get("/api/v1/files/" + file + "/content", mallory),
                get("/api/v1/files/" + file + "/thumbnail", mallory),
                send(request("/api/v1/files/" + file, mallory).DELETE()),
                get("/api/v1/workspaces/" + workspace + "/files", mallory),
                get("/api/v1/workspaces/" + workspace + "/files/usage", mallory),
                put(workspace, mallory, "drop.txt", null, text("x")),
                get("/api/v1/files/" + UUID.randomUUID() + "/content", mallory))) {
            assertProblem(reply, 404, "/problems/not-found");
            assertThat(reply.text()).doesNotContain("plans").doesNotContain("secret");
        }
        assertThat(get("/api/v1/files/" + file + "/content", null).status()).isEqualTo(401);
        assertThat(upload("PUT", workspace, null, "?name=x.txt", null, text("x")).status()).isEqualTo(401);
    }

    @Test
    void anAttachedFileIsVisibleExactlyToThoseWhoSeeItsPlace() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Room Owner");
        SignedIn member = Accounts.signUp(api, "Room Member");
        SignedIn guest = Accounts.signUp(api, "Room Guest");
        String workspace = workspace(api, owner, "Rooms");
        join(api, owner, workspace, member, MemberRole.MEMBER);
        join(api, owner, workspace, guest, MemberRole.GUEST);
        String list = "/api/v1/workspaces/" + workspace + "/files";

        Http inPrivate = put(workspace, member, "private.txt", null, text("only me"));
        Http privateOfOther = upload("PUT", workspace, owner, "?name=x.txt&target=room:" + member.id(), null, text("x"));
        Http inHall = upload("PUT", workspace, member, "?name=hall.txt&target=hall:h1", null, text("everyone"));
        Http inRoom = upload("PUT", workspace, member, "?name=room.txt&target=room:" + member.id(), null, text("my room"));

        assertThat(inPrivate.status()).isEqualTo(201);
        assertProblem(privateOfOther, 404, "/problems/not-found");
        assertThat(inHall.json().getJsonObject("target").getString("kind")).isEqualTo("hall");
        String roomFile = inRoom.json().getString("id");
        assertThat(names(get(list + "?sort=name", owner))).containsExactly("hall.txt", "private.txt");
        assertThat(names(get(list + "?sort=name", member))).containsExactly("hall.txt", "private.txt", "room.txt");
        assertThat(names(get(list + "?target=hall:h1", owner))).containsExactly("hall.txt");
        assertThat(names(get(list + "?target=room:" + member.id(), member))).containsExactly("room.txt");
        assertProblem(get(list + "?target=room:" + member.id(), owner), 404, "/problems/not-found");
        assertProblem(get("/api/v1/files/" + roomFile + "/content", owner), 404, "/problems/not-found");
        assertProblem(send(request("/api/v1/files/" + roomFile, owner).DELETE()), 404, "/problems/not-found");
        assertThat(names(get(list, guest))).as("a guest lists only their own uploads").isEmpty();
        assertThat(names(get(list + "?target=hall:h1", guest))).containsExactly("hall.txt");
        assertProblem(upload("PUT", workspace, member, "?name=x.txt&target=nowhere:1", null, text("x")), 400, "/problems/validation");
    }

    @Test
    void filesOnCardsAreSeenByWhoeverSeesTheirBoard() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Board Owner");
        SignedIn member = Accounts.signUp(api, "Board Member");
        SignedIn onBoard = Accounts.signUp(api, "Guest On Board");
        SignedIn offBoard = Accounts.signUp(api, "Guest Off Board");
        String workspace = workspace(api, owner, "Board files");
        join(api, owner, workspace, member, MemberRole.MEMBER);
        join(api, owner, workspace, onBoard, MemberRole.GUEST);
        join(api, owner, workspace, offBoard, MemberRole.GUEST);
        String boards = "/api/v1/workspaces/" + workspace + "/boards";
        String board = created(api.post(boards, json("name", "Launch"), owner.accessToken()));
        String list = created(api.post(boards + "/" + board + "/lists", json("name", "To do"), owner.accessToken()));
        String card = created(api.post(boards + "/" + board + "/cards", json("listId", list, "title", "Press kit"), owner.accessToken()));
        Reply added = api.request("PUT", boards + "/" + board + "/members/" + onBoard.id()).bearer(owner.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isIn(200, 201, 204);
        String files = "/api/v1/workspaces/" + workspace + "/files";

        Http onCard = upload("PUT", workspace, member, "?name=logo.txt&target=card:" + card, null, text("logo"));
        Http byGuest = upload("PUT", workspace, onBoard, "?name=notes.txt&target=board:" + board, null, text("notes"));

        assertThat(onCard.status()).as(onCard.toString()).isEqualTo(201);
        assertThat(onCard.json().getJsonObject("target").getString("kind")).isEqualTo("card");
        assertThat(byGuest.status()).as(byGuest.toString()).isEqualTo(201);
        assertProblem(upload("PUT", workspace, offBoard, "?name=x.txt&target=card:" + card, null, text("x")), 404, "/problems/not-found");
        String fileOnCard = onCard.json().getString("id");
        assertThat(names(get(files + "?target=card:" + card, onBoard))).containsExactly("logo.txt");
        assertThat(names(get(files + "?target=board:" + board + "&sort=name", onBoard))).as("a board's files include its cards'")
                .containsExactly("logo.txt", "notes.txt");
        assertThat(get("/api/v1/files/" + fileOnCard + "/content", onBoard).status()).isEqualTo(200);
        assertProblem(get("/api/v1/files/" + fileOnCard + "/content", offBoard), 404, "/problems/not-found");
        assertProblem(get(files + "?target=board:" + board, offBoard), 404, "/problems/not-found");
        assertThat(names(get(files + "?sort=name", member))).containsExactly("logo.txt", "notes.txt");
        assertThat(names(get(files, offBoard))).isEmpty();

        // A card of another workspace is not a target here.
        String elsewhere = workspace(api, owner, "Elsewhere");
        assertProblem(upload("PUT", elsewhere, owner, "?name=x.txt&target=card:" + card, null, text("x")), 404, "/problems/not-found");
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    // ---------------------------------------------------------------- thumbnails

    @Test
    void imagesGetThumbnailsInTheBackgroundOncePerContent() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Photographer");
        String workspace = workspace(api, owner, "Photos");
        byte[] photo = png(1200, 800);

        Http uploaded = uploadForm(workspace, owner, "", "photo.png", "image/png", photo);

        JsonObject file = uploaded.json();
        String id = file.getString("id");
        assertThat(file.getString("contentType")).isEqualTo("image/png");
        assertThat(file.getString("thumbnail")).isIn("pending", "ready");
        String jobId = file.getString("thumbnailJobId");
        JsonObject job = awaitJob(api, owner, jobId);
        assertThat(job.getString("status")).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getString("type")).isEqualTo("thumbnail");
        assertThat(job.getInt("attempts")).isEqualTo(1);

        JsonObject done = get("/api/v1/files/" + id, owner).json();
        assertThat(done.getString("thumbnail")).isEqualTo("ready");
        Http thumbnail = get(done.getString("thumbnailUrl"), owner);
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
        BufferedImage image = read(thumbnail.body());
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(171);
        assertThat(get(done.getString("thumbnailUrl"), owner, "If-None-Match", thumbnail.header("ETag")).status()).isEqualTo(304);

        // The same picture again: its thumbnail exists, so no job.
        JsonObject again = put(workspace, owner, "copy.png", null, photo).json();
        assertThat(again.getString("thumbnail")).isEqualTo("ready");
        assertThat(again.containsKey("thumbnailJobId")).isFalse();

        // A redelivered message of the finished job changes nothing.
        Reply replayed = api.post("/api/v1/test-probe/files/redeliver?jobId=" + jobId + "&fileId=" + id, json(), owner.accessToken());
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/jobs/" + jobId, owner.accessToken()).json()).isEqualTo(job);
    }

    @Test
    void anImageNoDecoderReadsEndsWithoutThumbnailAndOthersNeedNone() {
        Api api = api();
        SignedIn owner = Accounts.signUp(api, "Broken images");
        String workspace = workspace(api, owner, "Broken");
        byte[] broken = text("GIF89a" + "\u0001\u0002garbage that is no picture");

        JsonObject gif = put(workspace, owner, "broken.gif", "image/gif", broken).json();
        assertThat(gif.getString("contentType")).isEqualTo("image/gif");
        JsonObject job = awaitJob(api, owner, gif.getString("thumbnailJobId"));

        assertThat(job.getString("status")).as("retrying cannot help: the job ends").isEqualTo("SUCCEEDED");
        assertThat(get("/api/v1/files/" + gif.getString("id"), owner).json().getString("thumbnail")).isEqualTo("none");
        assertProblem(get("/api/v1/files/" + gif.getString("id") + "/thumbnail", owner), 404, "/problems/not-found");
        JsonObject text = put(workspace, owner, "a.txt", null, text("a")).json();
        assertThat(text.getString("thumbnail")).isEqualTo("none");
        assertThat(text.containsKey("thumbnailJobId")).isFalse();
    }

    private JsonObject awaitJob(Api api, SignedIn owner, String jobId) {
        JsonObject[] job = new JsonObject[1];
        await("job " + jobId + " finishes", () -> {
            Reply reply = api.get("/api/v1/jobs/" + jobId, owner.accessToken());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            job[0] = reply.json();
            return Set.of("SUCCEEDED", "DEAD").contains(job[0].getString("status"));
        });
        return job[0];
    }

    private static BufferedImage read(byte[] png) {
        try (InputStream in = new ByteArrayInputStream(png)) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openApiDescribesTheFileEndpoints() {
        Reply document = api().request("GET", "/openapi").header("Accept", "application/json").send();
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().getJsonObject("paths").keySet()).contains("/api/v1/workspaces/{workspaceId}/files",
                "/api/v1/workspaces/{workspaceId}/files/usage", "/api/v1/files/{id}", "/api/v1/files/{id}/content",
                "/api/v1/files/{id}/thumbnail");
    }
}
