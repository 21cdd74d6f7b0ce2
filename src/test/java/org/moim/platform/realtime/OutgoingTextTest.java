package org.moim.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bytes of a text frame as RFC 6455 (section 5.2) lays them out for a server. */
class OutgoingTextTest {

    @Test
    void shortTextHasTheSevenBitLength() {
        byte[] frame = OutgoingText.of("{\"type\":\"ping\"}").wire();
        assertThat(frame[0]).as("FIN and the text opcode").isEqualTo((byte) 0x81);
        assertThat(frame[1]).as("unmasked, 15 bytes").isEqualTo((byte) 15);
        assertThat(payload(frame, 2)).isEqualTo("{\"type\":\"ping\"}");
    }

    @Test
    void lengthsAtEachBoundaryTakeTheirEncoding() {
        for (int length : new int[] {0, 125, 126, 127, 65_535, 65_536, 70_000}) {
            byte[] frame = OutgoingText.of("a".repeat(length)).wire();
            ByteBuffer header = ByteBuffer.wrap(frame);
            assertThat(header.get()).isEqualTo((byte) 0x81);
            int marker = header.get() & 0xFF;
            assertThat(marker & 0x80).as("servers do not mask").isZero();
            long declared;
            if (length < 126) {
                assertThat(marker).isEqualTo(length);
                declared = marker;
            } else if (length <= 65_535) {
                assertThat(marker).as("%d bytes take the 16-bit length", length).isEqualTo(126);
                declared = header.getShort() & 0xFFFF;
            } else {
                assertThat(marker).as("%d bytes take the 64-bit length", length).isEqualTo(127);
                declared = header.getLong();
            }
            assertThat(declared).isEqualTo(length);
            assertThat(frame.length - header.position()).isEqualTo(length);
        }
    }

    @Test
    void theLengthCountsUtf8BytesNotCharacters() {
        String korean = "안녕하세요, 모임입니다 🙂";
        byte[] frame = OutgoingText.of(korean).wire();
        int bytes = korean.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isGreaterThan(korean.length());
        assertThat(frame[1]).isEqualTo((byte) bytes);
        assertThat(payload(frame, 2)).isEqualTo(korean);
    }

    @Test
    void theBytesAreMadeOnceForEverySocket() {
        OutgoingText text = OutgoingText.of("shared");
        assertThat(text.wire()).isSameAs(text.wire());
    }

    private static String payload(byte[] frame, int offset) {
        return new String(frame, offset, frame.length - offset, StandardCharsets.UTF_8);
    }
}
