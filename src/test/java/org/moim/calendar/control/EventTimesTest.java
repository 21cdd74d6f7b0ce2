package org.moim.calendar.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.moim.calendar.entity.EventTime;
import org.moim.platform.problem.InvalidField;

class EventTimesTest {

    private static String field(Runnable r) {
        try {
            r.run();
        } catch (InvalidField e) {
            return e.errors().get(0).field();
        }
        throw new AssertionError("no InvalidField");
    }

    @Test
    void allDayEventsAreDatesWithAnExclusiveEndAndLastOneDayByDefault() {
        assertThat(EventTimes.of(true, "2025-03-01", null)).isEqualTo(new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)));
        assertThat(EventTimes.of(true, "2025-03-01", "2025-03-04"))
                .isEqualTo(new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 4)));
    }

    @Test
    void timedEventsTakeOffsetsAndAreKeptInUtc() {
        EventTime time = EventTimes.of(false, "2025-03-04T10:00:00+09:00", "2025-03-04T11:30:00+09:00");
        assertThat(time).isEqualTo(new EventTime.Timed(Instant.parse("2025-03-04T01:00:00Z"), Instant.parse("2025-03-04T02:30:00Z")));
    }

    @Test
    void badInputNamesTheField() {
        assertThat(field(() -> EventTimes.of(false, "2025-03-04T10:00:00Z", "2025-03-04T09:00:00Z"))).isEqualTo("end");
        assertThat(field(() -> EventTimes.of(false, "2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"))).isEqualTo("end");
        assertThat(field(() -> EventTimes.of(true, "2025-03-04", "2025-03-04"))).isEqualTo("end");
        assertThat(field(() -> EventTimes.of(true, "2025-02-30", null))).isEqualTo("start");
        assertThat(field(() -> EventTimes.of(true, "2025-03-04T10:00:00Z", null))).isEqualTo("start");
        assertThat(field(() -> EventTimes.of(false, "2025-03-04T10:00:00", "2025-03-04T11:00:00Z"))).as("no offset").isEqualTo("start");
        assertThat(field(() -> EventTimes.of(false, "2025-03-04T10:00:00Z", null))).isEqualTo("end");
        assertThat(field(() -> EventTimes.of(false, "1899-12-31T10:00:00Z", "2025-03-04T11:00:00Z"))).isEqualTo("start");
        assertThat(field(() -> EventTimes.of(true, "9999-12-31", null))).isEqualTo("end");
        assertThat(field(() -> EventTimes.of(false, "+10000-01-01T00:00:00Z", "+10000-01-02T00:00:00Z"))).isEqualTo("start");
    }

    @Test
    void movingTheStartKeepsTheLength() {
        EventTime.Timed hour = new EventTime.Timed(Instant.parse("2025-03-04T01:00:00Z"), Instant.parse("2025-03-04T02:00:00Z"));
        assertThat(EventTimes.change(hour, null, "2025-03-05T01:00:00Z", null))
                .isEqualTo(new EventTime.Timed(Instant.parse("2025-03-05T01:00:00Z"), Instant.parse("2025-03-05T02:00:00Z")));
        EventTime.AllDay days = new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 3));
        assertThat(EventTimes.change(days, null, "2025-04-01", null))
                .isEqualTo(new EventTime.AllDay(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 3)));
    }

    @Test
    void switchingBetweenAllDayAndTimedNeedsTheNewForm() {
        EventTime.AllDay days = new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 3));
        assertThat(field(() -> EventTimes.change(days, false, null, null))).isEqualTo("start");
        assertThat(EventTimes.change(days, false, "2025-03-01T09:00:00Z", "2025-03-01T10:00:00Z"))
                .isEqualTo(new EventTime.Timed(Instant.parse("2025-03-01T09:00:00Z"), Instant.parse("2025-03-01T10:00:00Z")));
        EventTime.Timed hour = new EventTime.Timed(Instant.parse("2025-03-04T01:00:00Z"), Instant.parse("2025-03-04T02:00:00Z"));
        assertThat(EventTimes.change(hour, true, "2025-03-04", null))
                .isEqualTo(new EventTime.AllDay(LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 5)));
        assertThatThrownBy(() -> EventTimes.change(hour, true, "2025-03-04T00:00:00Z", null)).isInstanceOf(InvalidField.class);
    }
}
