package org.moim.platform.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text frame on its way to one socket or to many: its text, and the whole WebSocket frame as it
 * goes on the wire (RFC 6455: final, opcode text, unmasked as a server's frames are, the length,
 * the UTF-8 payload), made once, when the first socket needs it, for every socket it goes to. A
 * frame fanned out to a channel's members is thereby encoded once instead of once per member
 * ({@link TextFrames}).
 */
public final class OutgoingText {

    private final String text;
    private volatile byte[] wire;

    private OutgoingText(String text) {
        this.text = Objects.requireNonNull(text);
    }

    public static OutgoingText of(String text) {
        return new OutgoingText(text);
    }

    public String text() {
        return text;
    }

    /** The frame's bytes; two threads asking at once may both encode it, and either result is the same. */
    byte[] wire() {
        byte[] bytes = wire;
        if (bytes == null) {
            bytes = frame(text);
            wire = bytes;
        }
        return bytes;
    }

    static byte[] frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) 0x81;   // FIN, text
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            long wide = length;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (wide >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }

    @Override
    public String toString() {
        return text;
    }
}
