package org.moim.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The browser app's files: {@code index.html} and everything under {@code /assets}, each read,
 * hashed and (text only) gzip-compressed once, then served from memory.
 *
 * <p>Caching: {@code index.html} is revalidated on every load ({@code no-cache}, an ETag and 304).
 * It names the assets under a versioned path, {@code assets/v/<version>/…}, where the version is
 * a hash of every file under {@code /assets}: such a URL never changes its content, so it is
 * cached for a year as {@code immutable}, and the modules' relative imports (and the dictionaries
 * and stylesheets they fetch relative to {@code import.meta.url}) inherit the version. A new
 * build changes the version and so every URL. The same files under {@code assets/…} without a
 * version, or under another build's version (a tab opened before an upgrade), are served too,
 * revalidated like {@code index.html}.
 *
 * <p>A request that accepts gzip gets the compressed bytes ({@code Vary: Accept-Encoding}
 * always). Range requests are answered with the whole file (RFC 9110 allows that); downloads of
 * uploaded files are the API's and keep their ranges. Every filter (security headers, request
 * log) runs before this servlet as before.
 */
@WebServlet(name = "static-assets", urlPatterns = {"", "/index.html", "/assets/*"}, loadOnStartup = 1)
public class StaticAssets extends HttpServlet {

    static final String VERSIONED = "/v/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private static final Set<String> COMPRESSIBLE = Set.of(
            "application/javascript", "text/javascript", "application/json", "image/svg+xml", "application/xml");
    private static final Pattern ASSET_REFERENCE = Pattern.compile("(href|src)=\"assets/");

    /** Served files by path under /assets, loaded on first request; only the WAR's files ever get an entry. */
    private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();
    private Set<String> known = Set.of();
    private String version;
    private Asset index;

    /** One file as served: its bytes, the gzip bytes when they are worth it, and validators. */
    record Asset(byte[] bytes, byte[] gzip, String contentType, String etag, long lastModified) {

        static Asset of(byte[] bytes, String contentType, long lastModified) {
            String etag = hash(bytes).substring(0, 20);
            byte[] gzip = compressible(contentType) ? StaticAssets.gzip(bytes) : null;
            return new Asset(bytes, gzip != null && gzip.length < bytes.length ? gzip : null, contentType, etag,
                    lastModified / 1000 * 1000);
        }
    }

    @Override
    public void init() throws ServletException {
        ServletContext context = getServletContext();
        MessageDigest digest = sha256();
        Set<String> paths = files(context, "/assets/");
        for (String path : paths) {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update(read(context, path).orElseThrow());
        }
        known = paths.stream().map(path -> path.substring("/assets".length())).collect(java.util.stream.Collectors.toUnmodifiableSet());
        version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        String html = new String(read(context, "/index.html").orElseThrow(), StandardCharsets.UTF_8);
        String versioned = ASSET_REFERENCE.matcher(html).replaceAll("$1=\"assets" + VERSIONED + version + "/");
        index = Asset.of(versioned.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", lastModified(context, "/index.html"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        if (!"/assets".equals(request.getServletPath())) {
            send(index, REVALIDATE, request, response, withBody);
            return;
        }
        String path = request.getPathInfo();
        String cacheControl = REVALIDATE;
        if (path != null && path.startsWith(VERSIONED)) {
            int end = path.indexOf('/', VERSIONED.length());
            if (end < 0) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (path.substring(VERSIONED.length(), end).equals(version)) {
                cacheControl = IMMUTABLE;
            }
            path = path.substring(end);
        }
        // Only the WAR's own files: a made-up path is a 404 and leaves nothing behind in the map.
        Optional<Asset> asset = path == null || !known.contains(path) ? Optional.empty() : assets.computeIfAbsent(path, this::load);
        if (asset.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(asset.get(), cacheControl, request, response, withBody);
    }

    private Optional<Asset> load(String path) {
        ServletContext context = getServletContext();
        String resource = "/assets" + path;
        return read(context, resource).map(bytes -> Asset.of(bytes, contentType(context, resource), lastModified(context, resource)));
    }

    private static void send(Asset asset, String cacheControl, HttpServletRequest request, HttpServletResponse response,
            boolean withBody) throws IOException {
        boolean gzip = asset.gzip() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = "\"" + asset.etag() + (gzip ? "-gz" : "") + "\"";
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", asset.lastModified());
        if (asset.gzip() != null) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        if (notModified(asset, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? asset.gzip() : asset.bytes();
        response.setContentType(asset.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match names either representation (identity or gzip: the same content); else If-Modified-Since. */
    private static boolean notModified(Asset asset, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String bare = tag.trim().replaceFirst("^W/", "").replace("\"", "").replaceFirst("-gz$", "");
                if (bare.equals("*") || bare.equals(asset.etag())) {
                    return true;
                }
            }
            return false;
        }
        try {
            long since = request.getDateHeader("If-Modified-Since");
            return since >= 0 && asset.lastModified() <= since;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** Whether gzip is acceptable: named with a q above 0, or, when not named, {@code *} with a q above 0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean star = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                refused |= parts[i].trim().replace(" ", "").matches("q=0(\\.0{0,3})?");
            }
            if (name.equals("gzip")) {
                return !refused;
            }
            if (name.equals("*")) {
                star = !refused;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    private static boolean compressible(String contentType) {
        String type = contentType.split(";")[0].trim().toLowerCase();
        return type.startsWith("text/") || COMPRESSIBLE.contains(type);
    }

    private static String contentType(ServletContext context, String path) {
        if (path.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        }
        if (path.endsWith(".json")) {
            return "application/json;charset=UTF-8";
        }
        String type = context.getMimeType(path);
        if (type == null) {
            return "application/octet-stream";
        }
        return type.startsWith("text/") && !type.contains("charset") ? type + ";charset=UTF-8" : type;
    }

    /** Every file under the folder, sorted, so the version is the same on every node. */
    private static Set<String> files(ServletContext context, String folder) {
        Set<String> found = new TreeSet<>();
        Set<String> entries = context.getResourcePaths(folder);
        if (entries != null) {
            for (String entry : entries) {
                if (entry.endsWith("/")) {
                    found.addAll(files(context, entry));
                } else {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    private static Optional<byte[]> read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static long lastModified(ServletContext context, String path) {
        try {
            URL url = context.getResource(path);
            long modified = url == null ? 0 : url.openConnection().getLastModified();
            return modified > 0 ? modified : System.currentTimeMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
