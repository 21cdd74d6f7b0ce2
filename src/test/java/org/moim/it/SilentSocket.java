package org.moim.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    private SilentSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens {@code /ws?query} with the gateway's subprotocol; fails unless the server switches protocols. */
    public static SilentSocket connect(URL base, String query) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
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
     * closes; answers its close code, or -1 if the connection ended without a close frame.
     */
    public int awaitClose() throws IOException {
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
            } else if (opcode == 0x8) {
                return payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
            }
        }
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
