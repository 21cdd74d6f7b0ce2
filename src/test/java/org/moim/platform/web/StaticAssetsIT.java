package org.moim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moim.it.Deployments;

/**
 * The browser app's files over HTTP (StaticAssets): gzip when asked for, ETags and 304s, index.html
 * revalidated on every load, the assets it names under the build's versioned path cached as
 * immutable, the same files without a version revalidated; the bytes are the files' own.
 */
@ExtendWith(ArquillianExtension.class)
class StaticAssetsIT {

    private static final Path WEBAPP = Path.of("src", "main", "webapp");
    private static final Pattern VERSIONED_APP = Pattern.compile("src=\"(assets/v/[0-9a-f]{16}/)app\\.js\"");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.moim();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void indexHtmlIsCompressedRevalidatedAndNamesTheVersionedAssets() throws Exception {
        HttpResponse<byte[]> gzipped = get("", "gzip, deflate, br", null);
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(gzipped.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(gzipped.headers().firstValue("Last-Modified")).isPresent();
        assertThat(gzipped.headers().firstValue("Content-Security-Policy")).as("the filters still run").isPresent();
        String html = gunzip(gzipped.body());
        assertThat(VERSIONED_APP.matcher(html).find()).as(html).isTrue();
        assertThat(html).contains("href=\"assets/v/").doesNotContain("\"assets/app.js\"");

        HttpResponse<byte[]> plain = get("index.html", null, null);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(html);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));

        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("", "gzip", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("", "gzip", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void versionedAssetsAreImmutableAndCompressedTheirOwnBytes() throws Exception {
        String versioned = versionedPrefix();
        for (String file : new String[] {"app.js", "styles.css", "i18n/en.json", "views/board.js"}) {
            HttpResponse<byte[]> reply = get(versioned + file, "gzip", null);
            assertThat(reply.statusCode()).as(file).isEqualTo(200);
            assertThat(reply.headers().firstValue("Cache-Control")).as(file).hasValue("public, max-age=31536000, immutable");
            assertThat(reply.headers().firstValue("Content-Encoding")).as(file).hasValue("gzip");
            assertThat(reply.headers().firstValue("Vary")).as(file).hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
            byte[] original = Files.readAllBytes(WEBAPP.resolve("assets").resolve(file));
            assertThat(reply.body().length).as(file + " compressed").isLessThan(original.length / 2);
            assertThat(gunzip(reply.body())).as(file).isEqualTo(new String(original, StandardCharsets.UTF_8));
            String etag = reply.headers().firstValue("ETag").orElseThrow();
            assertThat(get(versioned + file, "gzip", etag).statusCode()).as(file + " revalidated").isEqualTo(304);
            assertThat(get(versioned + file, null, etag).statusCode()).as(file + " revalidated without gzip").isEqualTo(304);
        }
        HttpResponse<byte[]> script = get(versioned + "app.js", null, null);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.body()).isEqualTo(Files.readAllBytes(WEBAPP.resolve("assets/app.js")));
    }

    @Test
    void unversionedOrOtherBuildsAssetsAreRevalidatedAndUnknownOnesAreMissing() throws Exception {
        for (String path : new String[] {"assets/app.js", "assets/v/0123456789abcdef/app.js"}) {
            HttpResponse<byte[]> reply = get(path, "gzip", null);
            assertThat(reply.statusCode()).as(path).isEqualTo(200);
            assertThat(reply.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            assertThat(reply.headers().firstValue("ETag")).as(path).isPresent();
        }
        assertThat(get("assets/no-such-file.js", "gzip", null).statusCode()).isEqualTo(404);
        assertThat(get(versionedPrefix() + "no-such-file.js", "gzip", null).statusCode()).isEqualTo(404);
        assertThat(get("assets/%2e%2e/WEB-INF/web.xml", null, null).statusCode()).isEqualTo(404);
        // Dot-dots that stay under /assets (the container resolves them first) reach only files that are there.
        assertThat(get("assets/v/x/%2e%2e/%2e%2e/index.html", null, null).statusCode()).as("no /assets/index.html").isEqualTo(404);
        assertThat(get(versionedPrefix() + "%2e%2e/app.js", null, null).statusCode()).isEqualTo(404);
    }

    private String versionedPrefix() throws Exception {
        Matcher matcher = VERSIONED_APP.matcher(new String(get("", null, null).body(), StandardCharsets.UTF_8));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
