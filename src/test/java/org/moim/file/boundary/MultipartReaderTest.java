package org.moim.file.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    private static byte[] body(byte[] file, String preamble, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nrenamed.txt\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"회의록.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        if (closed) {
            out.writeBytes(("\r\n--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Hands out the body in small, irregular pieces, as a network does. */
    private static InputStream trickle(byte[] bytes) {
        return new InputStream() {
            private final Random random = new Random(7);
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + random.nextInt(97)), bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void readsFieldsAndAFileWhateverItContains() throws IOException {
        byte[] file = new byte[300_000];
        new Random(1).nextBytes(file);
        // Content that looks almost like a boundary must stay content.
        byte[] tricky = ("\r\n--" + BOUNDARY.substring(0, 20) + "\r\n--").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tricky, 0, file, 1000, tricky.length);
        System.arraycopy(tricky, 0, file, file.length - tricky.length, tricky.length);

        MultipartReader reader = new MultipartReader(trickle(body(file, "preamble\r\n", true)), BOUNDARY);

        MultipartReader.Part name = reader.next();
        assertThat(name.disposition("name")).isEqualTo("name");
        assertThat(name.disposition("filename")).isNull();
        assertThat(new String(name.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("renamed.txt");
        MultipartReader.Part part = reader.next();
        assertThat(part.disposition("filename")).isEqualTo("회의록.png");
        assertThat(part.header("content-type")).isEqualTo("image/png");
        assertThat(part.content().readAllBytes()).isEqualTo(file);
        assertThat(reader.next()).isNull();
    }

    @Test
    void skipsUnreadPartsAndReadsEmptyFiles() throws IOException {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(new byte[0], "", true)), BOUNDARY);
        reader.next();  // the name field, left unread
        MultipartReader.Part file = reader.next();
        assertThat(file.content().readAllBytes()).isEmpty();
        assertThat(reader.next()).isNull();
    }

    @Test
    void aBodyThatEndsInsideTheFileIsTruncated() throws IOException {
        byte[] file = new byte[100_000];
        MultipartReader reader = new MultipartReader(trickle(body(file, "", false)), BOUNDARY);
        reader.next();
        MultipartReader.Part part = reader.next();
        assertThatThrownBy(() -> part.content().readAllBytes()).isInstanceOf(MultipartReader.Truncated.class);
    }

    @Test
    void aBodyWithoutBoundaryIsTruncatedAndABadBoundaryMalformed() {
        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream("just text".getBytes()), BOUNDARY).next())
                .isInstanceOf(MultipartReader.Truncated.class);
        assertThatThrownBy(() -> new MultipartReader(InputStream.nullInputStream(), null)).isInstanceOf(MultipartReader.Malformed.class);
        assertThatThrownBy(() -> new MultipartReader(InputStream.nullInputStream(), "x".repeat(71)))
                .isInstanceOf(MultipartReader.Malformed.class);
    }

    @Test
    void headersLongerThanTheLimitAreMalformed() {
        byte[] huge = ("--" + BOUNDARY + "\r\nX-Pad: " + "a".repeat(20_000) + "\r\n\r\nx\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(huge), BOUNDARY).next())
                .isInstanceOf(MultipartReader.Malformed.class);
    }

    @Test
    void theBoundaryComesFromTheContentType() {
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=" + BOUNDARY)).isEqualTo(BOUNDARY);
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=\"a b\"")).isEqualTo("a b");
        assertThat(MultipartReader.boundary("multipart/form-data")).isNull();
    }

    @Test
    void readsAFileLargerThanItsBufferInOnePass() throws IOException {
        byte[] file = new byte[1 << 20];
        Arrays.fill(file, (byte) '-');
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(file, "", true)), BOUNDARY);
        reader.next();
        assertThat(reader.next().content().readAllBytes()).isEqualTo(file);
    }
}
