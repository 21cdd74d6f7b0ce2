package org.moim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/** Checks iCalendar text against RFC 5545: the wire form by hand, the content with ical4j. */
public final class ICalendars {

    static {
        // Never reach out for time zone definitions during tests.
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    private ICalendars() {
    }

    /** Parses and validates; fails the test on any violation. */
    public static Calendar valid(byte[] body) throws Exception {
        checkWireForm(body);
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(body, StandardCharsets.UTF_8)));
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as("ical4j validation: %s", result).isFalse();
        for (VEvent event : events(calendar)) {
            ValidationResult eventResult = event.validate();
            assertThat(eventResult.hasErrors()).as("VEVENT validation: %s", eventResult).isFalse();
        }
        return calendar;
    }

    public static List<VEvent> events(Calendar calendar) {
        List<VEvent> events = new ArrayList<>();
        for (Object component : calendar.getComponents()) {
            if (component instanceof VEvent event && Component.VEVENT.equals(event.getName())) {
                events.add(event);
            }
        }
        return events;
    }

    /** The value of a calendar property. */
    public static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).map(p -> p.getValue()).orElse(null);
    }

    /** The value of a property of a component, unescaped by ical4j. */
    public static String value(Component component, String property) {
        return component.getProperty(property).map(p -> p.getValue()).orElse(null);
    }

    /** CRLF after every line, none longer than 75 octets, no UTF-8 character split by a fold. */
    public static void checkWireForm(byte[] body) {
        assertThat(body.length).isGreaterThan(0);
        assertThat(body[body.length - 2]).as("ends with CRLF").isEqualTo((byte) '\r');
        assertThat(body[body.length - 1]).isEqualTo((byte) '\n');
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                assertThat(i).as("LF at %d preceded by CR", i).isGreaterThan(0);
                assertThat(body[i - 1]).as("LF at %d preceded by CR", i).isEqualTo((byte) '\r');
                byte[] line = Arrays.copyOfRange(body, start, i - 1);
                assertThat(line.length).as("octets of line %s", new String(line, StandardCharsets.UTF_8)).isLessThanOrEqualTo(75);
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
                } catch (CharacterCodingException e) {
                    throw new AssertionError("A fold split a UTF-8 character in line starting at octet " + start, e);
                }
                start = i + 1;
            } else if (body[i] == '\r') {
                assertThat(i + 1 < body.length && body[i + 1] == '\n').as("CR at %d followed by LF", i).isTrue();
            }
        }
    }
}
