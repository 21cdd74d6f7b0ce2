package org.moim.file.boundary;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An upload's request body, for answering before it has all been read (a 413 at the first byte
 * too many, a 404 for someone else's workspace). Closing a connection with unread bytes in it
 * makes TCP reset it, and the client then loses the answer, so the rest is read and thrown away
 * first (as web servers' "lingering close" does), for at most {@link #DRAIN_TIME}. A client that
 * sent {@code Expect: 100-continue} and was answered before anything was read sent no body, and
 * nothing is read.
 */
final class UploadBody extends FilterInputStream {

    static final Duration DRAIN_TIME = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(UploadBody.class.getName());

    private final boolean expectsContinue;
    private boolean touched;

    UploadBody(InputStream in, String expect) {
        super(in);
        this.expectsContinue = expect != null && expect.strip().equalsIgnoreCase("100-continue");
    }

    @Override
    public int read() throws IOException {
        touched = true;
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        touched = true;
        return super.read(b, off, len);
    }

    /** Reads what is left of the body and throws it away, within {@link #DRAIN_TIME}. */
    void drain() {
        if (expectsContinue && !touched) {
            return;
        }
        long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
        byte[] sink = new byte[64 * 1024];
        long drained = 0;
        try {
            int n;
            while ((n = in.read(sink)) >= 0 && System.nanoTime() < deadline) {
                drained += n;
            }
        } catch (IOException e) {
            // The client is gone: nothing left to protect.
        }
        long total = drained;
        LOG.log(Level.FINE, () -> "Drained " + total + " unread bytes of a refused upload");
    }
}
