package org.moim.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The feed checks can fail: they catch what RFC 5545 forbids. */
class ICalendarsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCalendarWithoutProdidIsRejected() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@x\r\nDTSTAMP:20250101T000000Z\r\n"
                + "DTSTART:20250101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> ICalendars.valid(bytes(ics))).isInstanceOf(Throwable.class);
    }

    @Test
    void anUnfoldedLongLineIsRejected() {
        assertThatThrownBy(() -> ICalendars.checkWireForm(bytes("SUMMARY:" + "x".repeat(80) + "\r\n"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void bareLineFeedsAreRejected() {
        assertThatThrownBy(() -> ICalendars.checkWireForm(bytes("BEGIN:VCALENDAR\nEND:VCALENDAR\r\n"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void aFoldInsideAKoreanCharacterIsRejected() {
        byte[] korean = "가".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[] {'S', ':', korean[0], '\r', '\n', ' ', korean[1], korean[2], '\r', '\n'};
        assertThatThrownBy(() -> ICalendars.checkWireForm(broken)).isInstanceOf(AssertionError.class);
    }
}
