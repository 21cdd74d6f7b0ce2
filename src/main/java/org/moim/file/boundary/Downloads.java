package org.moim.file.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.moim.file.control.ContentSniffer;
import org.moim.file.control.FileStorage;
import org.moim.file.control.RangeNotSatisfiable;
import org.moim.file.control.StorageKey;

/**
 * Answers for content downloads: validators ({@code ETag}, {@code If-None-Match} → 304), single
 * byte ranges ({@code Range}, {@code If-Range} → 206, past the end → 416), a safe
 * {@code Content-Disposition}, and headers that keep the browser from running what it receives:
 * {@code nosniff} and a CSP that sandboxes the document and allows nothing to load.
 * Active content (HTML, SVG, XML, scripts, PDF) is always an attachment.
 *
 * <p>The bytes are read from storage only once the response is being written, after the
 * transaction that checked the caller has committed; nothing is held in memory beyond one buffer.
 */
final class Downloads {

    /** Downloaded content may show itself (an image, a video), but never run or load anything. */
    static final String CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

    private static final int BUFFER = 64 * 1024;

    private Downloads() {
    }

    /** One piece of content to send: where it is, how large, as what and under which name. */
    record Download(StorageKey key, long size, String contentType, String name, String etag, boolean attachment) {
    }

    static Response send(FileStorage storage, Download download, String range, String ifNoneMatch, String ifRange) {
        String etag = "\"" + download.etag() + "\"";
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                    .build();
        }
        if (!storage.exists(download.key())) {
            // Lost from storage (a restore without the files): a server fault, never a 200 that breaks off.
            throw new IllegalStateException("No content in storage for " + download.key());
        }
        long size = download.size();
        ByteRange.Outcome outcome = ifRange == null || ifRange.strip().equals(etag) ? ByteRange.of(range, size) : new ByteRange.Whole();
        boolean inline = !download.attachment() && ContentSniffer.isInline(download.contentType());
        Response.ResponseBuilder response;
        long start;
        long length;
        if (outcome instanceof ByteRange.Unsatisfiable) {
            throw new RangeNotSatisfiable(size);
        } else if (outcome instanceof ByteRange.Partial partial) {
            start = partial.range().start();
            length = partial.range().length();
            response = Response.status(Response.Status.PARTIAL_CONTENT)
                    .header("Content-Range", "bytes " + partial.range().start() + "-" + partial.range().end() + "/" + size);
        } else {
            start = 0;
            length = size;
            response = Response.ok();
        }
        String type = download.contentType().startsWith("text/") ? download.contentType() + "; charset=utf-8" : download.contentType();
        StreamingOutput body = out -> copy(storage, download.key(), start, length, out);
        return response.entity(length == 0 ? null : body)
                .type(type)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", ContentDisposition.of(inline, download.name()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CSP)
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .build();
    }

    /** Whether an If-None-Match list names this entity tag (weak comparison) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static void copy(FileStorage storage, StorageKey key, long start, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        try (InputStream in = storage.open(key, start)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException("content " + key + " ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
