package org.moim.file.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * An upload's bytes as they stream by: counted against a limit (the moment one byte too many
 * arrives, {@code tooLarge} is thrown; a declared Content-Length is not trusted), hashed with
 * SHA-256, and the first {@link ContentSniffer#HEAD} bytes kept for sniffing the type.
 */
public final class UploadStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private final MessageDigest sha256;
    private final byte[] head = new byte[ContentSniffer.HEAD];
    private int headLength;
    private long count;
    private boolean broken;

    public UploadStream(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            broken = true;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw tooLarge.get();
            }
            sha256.update(buffer, offset, n);
            if (headLength < head.length) {
                int kept = Math.min(n, head.length - headLength);
                System.arraycopy(buffer, offset, head, headLength, kept);
                headLength += kept;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("an upload is read whole");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Whether reading from the client failed (as opposed to writing to storage). */
    public boolean broken() {
        return broken;
    }

    public long count() {
        return count;
    }

    /** The SHA-256 of everything read, in lower-case hex. Call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    public byte[] head() {
        return head;
    }

    public int headLength() {
        return headLength;
    }
}
