package org.moim.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that never answers anything, not even a ping: a peer that vanished without
 * closing. Written on a plain socket, since every WebSocket library answers pings by itself.
 */
public final class SilentSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private int pings;
    private int texts;

    private SilentSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens {@code /ws?query} with the gateway's subprotocol; fails unless the server switches protocols. */
    public static SilentSocket connect(URL base, String query) throws IOException {
        return connect(base, query, 0);
    }

    /**
     * As {@link #connect(URL, String)}, with the kernel's receive buffer set to {@code receiveBuffer}
     * bytes (0: the system's, which on loopback grows to megabytes): a small one makes a client
     * that stops reading back up into the server soon.
     */
    public static SilentSocket connect(URL base, String query, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(60_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String path = base.getPath() + (base.getPath().endsWith("/") ? "" : "/") + "ws?" + query;
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: moim.v1\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readHeaders(socket.getInputStream());
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("No WebSocket upgrade: " + status);
        }
        return new SilentSocket(socket);
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    /**
     * Reads frames (text frames are ignored, pings counted and left unanswered) until the server
     * closes; answers its close code, or -1 if the connection ended (or was reset) without a close frame.
     */
    public int awaitClose() throws IOException {
        try {
            return readUntilClose();
        } catch (java.net.SocketException | java.io.EOFException cut) {
            // The server closed while data of ours (pongs) lay unread on its side, so its kernel
            // answered with a reset; or the end came in the middle of a frame. Either way, the
            // connection ended without a close frame.
            return -1;
        }
    }

    private int readUntilClose() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            int opcode = first & 0x0f;
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if (opcode == 0x9) {
                pings++;
            } else if (opcode == 0x1) {
                texts++;
            } else if (opcode == 0x8) {
                return payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
            }
        }
    }

    /** Reads frames (pings counted, unanswered) until a text frame; answers its text, or null when the connection closed. */
    public String nextText() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            int opcode = first & 0x0f;
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if (opcode == 0x9) {
                pings++;
            } else if (opcode == 0x8) {
                return null;
            } else if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    /** Sends a text frame (masked, as a client must). */
    public synchronized void sendText(String text) throws IOException {
        write(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends an unsolicited pong (RFC 6455 allows one as a heartbeat): the server hears the client
     * is there without the client reading anything.
     */
    public synchronized void pong() throws IOException {
        write(0xA, new byte[0]);
    }

    private void write(int opcode, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xffff) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The text frames {@link #awaitClose()} read past. */
    public int textsSkipped() {
        return texts;
    }

    /** The pings the server sent so far. */
    public int pings() {
        return pings;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
