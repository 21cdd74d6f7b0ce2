package org.moim.file.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as it arrives, with a fixed
 * 64 KiB buffer: a part's content is a stream that ends at the next boundary, so a file part is
 * never held in memory or buffered to disk before the application reads it.
 *
 * <p>Jersey's multipart support (MIMEPull) and the Servlet {@code Part} API both write every
 * part to a temporary file before the application sees it, with limits fixed at deployment; this
 * reader lets the upload count, hash and limit the bytes while they stream.
 *
 * <p>A body that ends before its closing boundary (the client went away) makes reads throw
 * {@link Truncated}; a malformed one {@link Malformed}.
 */
final class MultipartReader {

    static final int MAX_BOUNDARY = 70;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean finished;
    private PartStream current;

    /** The body ended before the closing boundary. */
    static final class Truncated extends IOException {
        Truncated() {
            super("the body ended before the multipart closing boundary", null);
        }
    }

    /** Not multipart/form-data as RFC 7578 writes it. */
    static final class Malformed extends IOException {
        Malformed(String detail) {
            super(detail, null);
        }
    }

    /** One part: its headers (lower-case names) and its content, to be read before the next part. */
    record Part(Map<String, String> headers, InputStream content) {

        String header(String name) {
            return headers.get(name);
        }

        /** A parameter of Content-Disposition ({@code name}, {@code filename}), or null. */
        String disposition(String parameter) {
            String disposition = headers.get("content-disposition");
            return disposition == null ? null : HeaderParameters.parse(disposition).get(parameter);
        }
    }

    MultipartReader(InputStream in, String boundary) throws Malformed {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new Malformed("the Content-Type has no valid boundary parameter");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(BUFFER, delimiter.length * 2)];
        // A virtual CRLF in front of the body: the first delimiter then looks like every other.
        buffer[0] = '\r';
        buffer[1] = '\n';
        this.limit = 2;
    }

    /** The boundary parameter of a multipart Content-Type, or null. */
    static String boundary(String contentType) {
        return contentType == null ? null : HeaderParameters.parse(contentType).get("boundary");
    }

    /** The next part, or null after the closing boundary. Skips what is left of the current part. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            // The preamble is read like a part's content and thrown away.
            current = new PartStream();
        }
        current.skipAll();
        // After a delimiter: "--" closes the body, otherwise whitespace and CRLF start a part.
        if (!ensure(2)) {
            throw new Truncated();
        }
        if (buffer[pos] == '-' && buffer[pos + 1] == '-') {
            finished = true;
            pos += 2;
            return null;
        }
        while (true) {
            if (!ensure(1)) {
                throw new Truncated();
            }
            byte b = buffer[pos];
            if (b == ' ' || b == '\t') {
                pos++;
                continue;
            }
            if (!ensure(2)) {
                throw new Truncated();
            }
            if (buffer[pos] != '\r' || buffer[pos + 1] != '\n') {
                throw new Malformed("a multipart boundary is not followed by a line break");
            }
            pos += 2;
            break;
        }
        Map<String, String> headers = readHeaders();
        current = new PartStream();
        return new Part(headers, current);
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new Malformed("the headers of a part are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Malformed("a part header has no name");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** A header line up to CRLF, decoded as UTF-8 (browsers send file names in raw UTF-8). */
    private String readLine() throws IOException {
        int scanned = 0; // bytes after pos known to hold no CRLF (but maybe a final CR)
        while (true) {
            for (int i = pos + Math.max(0, scanned - 1); i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, pos, i - pos, StandardCharsets.UTF_8);
                    pos = i + 2;
                    return line;
                }
            }
            scanned = limit - pos;
            if (scanned > MAX_HEADER_BYTES) {
                throw new Malformed("a part header line is longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (!fill()) {
                throw new Truncated();
            }
        }
    }

    /** Makes at least {@code n} bytes available from {@code pos}; false at the end of the body. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves what is unread to the front and reads more; false when the body has ended. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            throw new IllegalStateException("buffer full");
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }

    /** Where the delimiter starts in buffer[from, to), or -1. */
    private int indexOfDelimiter(int from, int to) {
        byte first = delimiter[0];
        outer:
        for (int i = from; i <= to - delimiter.length; i++) {
            if (buffer[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A part's content: the bytes up to the next delimiter, which it consumes at its end. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done || current != this) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (true) {
                int found = indexOfDelimiter(pos, limit);
                if (found == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                // Bytes before a delimiter, or before a place where one could still begin, are content.
                int safe = found >= 0 ? found : limit - delimiter.length + 1;
                if (safe > pos) {
                    int n = Math.min(length, safe - pos);
                    System.arraycopy(buffer, pos, target, offset, n);
                    pos += n;
                    return n;
                }
                if (!fill()) {
                    throw new Truncated();
                }
            }
        }

        void skipAll() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
