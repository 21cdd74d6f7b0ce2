package org.moim.file.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content type of a file, told from its first bytes (magic numbers), never from what the
 * client declares. The name only refines a container the bytes cannot tell apart: a ZIP named
 * {@code .docx} is a Word document, an OLE file named {@code .xls} an Excel sheet, UTF-8 text
 * named {@code .csv} CSV. Anything unrecognised is {@code application/octet-stream}.
 *
 * <p>A table rather than Apache Tika: these few dozen signatures cover what previews,
 * thumbnails and the security rules need, and Tika's core (its parsers are a further tens of
 * megabytes) cannot tell OOXML from ZIP by the bytes either.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #sniff} looks at (and an upload keeps for it). */
    public static final int HEAD = 8192;

    public static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> ZIP_BY_EXTENSION = Map.ofEntries(
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("jar", "application/java-archive"),
            Map.entry("hwpx", "application/hwp+zip"));

    private static final Map<String, String> OLE_BY_EXTENSION = Map.of(
            "doc", "application/msword",
            "xls", "application/vnd.ms-excel",
            "ppt", "application/vnd.ms-powerpoint",
            "msg", "application/vnd.ms-outlook",
            "hwp", "application/x-hwp");

    private static final Map<String, String> TEXT_BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("xml", "application/xml"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("css", "text/css"),
            Map.entry("json", "application/json"),
            Map.entry("csv", "text/csv"),
            Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("md", "text/markdown"),
            Map.entry("markdown", "text/markdown"),
            Map.entry("ics", "text/calendar"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"));

    /** Types a browser would run or render as a document: served only as attachments. */
    private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "application/xml", "text/xml", "text/javascript", "application/javascript", "text/css",
            "application/pdf", "application/postscript");

    /** Types safe to show inline in a browser (with nosniff and a sandboxing CSP). */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif",
            "image/bmp", "audio/mpeg", "audio/ogg", "audio/wav", "audio/flac", "audio/mp4", "audio/webm",
            "video/mp4", "video/webm", "video/ogg", "video/quicktime", "text/plain");

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "jpe", "jfif", "gif", "webp", "bmp",
            "tif", "tiff", "ico", "heic", "heif", "avif", "svg");

    private static final String[] HTML_TAGS = {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
        "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"};

    private ContentSniffer() {
    }

    /** The content type of content starting with {@code head} (at most {@link #HEAD} bytes), named {@code name}. */
    public static String sniff(byte[] head, int length, String name) {
        String extension = FileNames.extension(name);
        String binary = binary(head, length, extension);
        if (binary != null) {
            return binary;
        }
        return text(head, length, extension);
    }

    public static String sniff(byte[] head, String name) {
        return sniff(head, head.length, name);
    }

    private static String binary(byte[] b, int n, String extension) {
        if (n == 0) {
            return OCTET_STREAM;
        }
        if (starts(b, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, n, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (ascii(b, n, 0, "GIF87a") || ascii(b, n, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(b, n, 0, "RIFF") && n >= 12) {
            if (ascii(b, n, 8, "WEBP")) {
                return "image/webp";
            }
            if (ascii(b, n, 8, "WAVE")) {
                return "audio/wav";
            }
            if (ascii(b, n, 8, "AVI ")) {
                return "video/x-msvideo";
            }
        }
        if (ascii(b, n, 0, "BM") && n >= 26 && (b[14] == 12 || b[14] == 40 || b[14] == 56 || b[14] == 108 || b[14] == 124) && b[15] == 0) {
            return "image/bmp";
        }
        if (starts(b, n, 0, 'I', 'I', 0x2A, 0x00) || starts(b, n, 0, 'M', 'M', 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (starts(b, n, 0, 0x00, 0x00, 0x01, 0x00) && n >= 6 && b[4] != 0 && extension.equals("ico")) {
            return "image/vnd.microsoft.icon";
        }
        if (n >= 12 && ascii(b, n, 4, "ftyp")) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            return switch (brand) {
                case "heic", "heix", "heim", "heis", "mif1", "msf1" -> "image/heic";
                case "avif", "avis" -> "image/avif";
                case "M4A ", "M4B " -> "audio/mp4";
                case "qt  " -> "video/quicktime";
                default -> "video/mp4";
            };
        }
        if (ascii(b, n, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (ascii(b, n, 0, "%!PS")) {
            return "application/postscript";
        }
        if (ascii(b, n, 0, "{\\rtf")) {
            return "application/rtf";
        }
        if (starts(b, n, 0, 'P', 'K', 0x03, 0x04) || starts(b, n, 0, 'P', 'K', 0x05, 0x06)) {
            return ZIP_BY_EXTENSION.getOrDefault(extension, "application/zip");
        }
        if (starts(b, n, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE_BY_EXTENSION.getOrDefault(extension, "application/x-ole-storage");
        }
        if (starts(b, n, 0, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (starts(b, n, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "application/x-7z-compressed";
        }
        if (ascii(b, n, 0, "Rar!\u001A\u0007")) {
            return "application/vnd.rar";
        }
        if (starts(b, n, 0, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return "application/x-xz";
        }
        if (ascii(b, n, 0, "BZh")) {
            return "application/x-bzip2";
        }
        if (starts(b, n, 0, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "application/zstd";
        }
        if (ascii(b, n, 257, "ustar")) {
            return "application/x-tar";
        }
        if (ascii(b, n, 0, "OggS")) {
            return extension.equals("ogv") ? "video/ogg" : "audio/ogg";
        }
        if (ascii(b, n, 0, "fLaC")) {
            return "audio/flac";
        }
        if (ascii(b, n, 0, "ID3") || n >= 2 && (b[0] & 0xFF) == 0xFF && ((b[1] & 0xE6) == 0xE2)) {
            return "audio/mpeg";
        }
        if (starts(b, n, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            boolean webm = indexOf(b, Math.min(n, 64), "webm") >= 0;
            if (!webm) {
                return "video/x-matroska";
            }
            return extension.equals("weba") ? "audio/webm" : "video/webm";
        }
        if (ascii(b, n, 0, "MZ")) {
            return "application/vnd.microsoft.portable-executable";
        }
        if (starts(b, n, 0, 0x7F, 'E', 'L', 'F')) {
            return "application/x-executable";
        }
        if (starts(b, n, 0, 0x00, 'a', 's', 'm')) {
            return "application/wasm";
        }
        if (ascii(b, n, 0, "wOFF")) {
            return "font/woff";
        }
        if (ascii(b, n, 0, "wOF2")) {
            return "font/woff2";
        }
        if (ascii(b, n, 0, "SQLite format 3\u0000")) {
            return "application/vnd.sqlite3";
        }
        return null;
    }

    private static String text(byte[] b, int n, String extension) {
        String text = decodeText(b, n);
        if (text == null) {
            return OCTET_STREAM;
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<?xml")) {
            return start.contains("<svg") || extension.equals("svg") ? "image/svg+xml"
                    : extension.equals("xhtml") ? "application/xhtml+xml" : "application/xml";
        }
        if (start.startsWith("<svg")) {
            return "image/svg+xml";
        }
        for (String tag : HTML_TAGS) {
            if (start.startsWith(tag) && start.length() > tag.length()) {
                char next = start.charAt(tag.length());
                if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r' || tag.equals("<!--")) {
                    return "text/html";
                }
            }
        }
        return TEXT_BY_EXTENSION.getOrDefault(extension, "text/plain");
    }

    /**
     * The head as text when it is text: UTF-8 (a character cut at the end of the head is fine)
     * or UTF-16 with a byte-order mark, with no control characters other than whitespace, form
     * feed and escape. Null for binary content.
     */
    static String decodeText(byte[] b, int n) {
        if (n >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            boolean big = (b[0] & 0xFF) == 0xFE;
            String text = new String(b, 2, (n - 2) & ~1, big ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return plain(text) ? text : null;
        }
        int length = n;
        // A multi-byte character the head cut in two: drop its first bytes.
        for (int back = 1; back <= 3 && length - back >= 0; back++) {
            int c = b[length - back] & 0xFF;
            if ((c & 0xC0) == 0xC0) {
                int needed = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
                if (needed > back) {
                    length -= back;
                }
                break;
            }
            if ((c & 0x80) == 0) {
                break;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, length)).toString();
            return plain(text) ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean plain(String text) {
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B || c == 0x7F);
    }

    /** Whether the type is an image. */
    public static boolean isImage(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/");
    }

    /** Whether a client's declaration (its Content-Type, or the name's extension) says "image". */
    public static boolean claimsImage(String declaredType, String name) {
        return isImage(declaredType) || IMAGE_EXTENSIONS.contains(FileNames.extension(name));
    }

    /** Whether browsers would run the type or render it as a document (HTML, SVG, XML, scripts, PDF). */
    public static boolean isActive(String contentType) {
        return ACTIVE.contains(contentType) || contentType.endsWith("+xml");
    }

    /** Whether a download of this type may be shown in the browser rather than saved. */
    public static boolean isInline(String contentType) {
        return INLINE.contains(contentType);
    }

    private static boolean starts(byte[] b, int n, int offset, int... expected) {
        if (n < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int n, int offset, String expected) {
        if (n < offset + expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if ((b[offset + i] & 0xFF) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int n, String needle) {
        outer:
        for (int i = 0; i + needle.length() <= n; i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (b[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
