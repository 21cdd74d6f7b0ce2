package org.moim.calendar.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class CalendarRangeTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void datesAreMidnightsInTheZoneAndTheDaysFollowThem() {
        CalendarRange march = CalendarRange.parse("2025-03-01", "2025-04-01", "Asia/Seoul", ZoneOffset.UTC, 62);
        assertThat(march.from()).isEqualTo(Instant.parse("2025-02-28T15:00:00Z"));
        assertThat(march.to()).isEqualTo(Instant.parse("2025-03-31T15:00:00Z"));
        assertThat(march.firstDay()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(march.endDay()).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void withoutTzTheDefaultZoneApplies() {
        CalendarRange range = CalendarRange.parse("2025-03-01", "2025-03-02", null, SEOUL, 62);
        assertThat(range.zone()).isEqualTo(SEOUL);
        assertThat(range.from()).isEqualTo(Instant.parse("2025-02-28T15:00:00Z"));
    }

    @Test
    void instantsWithOffsetsAndLocalDateTimesAreRead() {
        CalendarRange range = CalendarRange.parse("2025-03-01T00:00:00Z", "2025-03-01T12:30", "Asia/Seoul", ZoneOffset.UTC, 62);
        assertThat(range.from()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2025-03-01T03:30:00Z"));
        assertThat(range.firstDay()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(range.endDay()).as("a partial day counts").isEqualTo(LocalDate.of(2025, 3, 2));
    }

    @Test
    void badRangesAreProblems() {
        assertThatThrownBy(() -> CalendarRange.parse("2025-03-01", "2025-06-01", "UTC", ZoneOffset.UTC, 62)).isInstanceOf(CalendarRangeTooLong.class);
        assertThat(CalendarRange.parse("2025-03-01", "2025-05-02", "UTC", ZoneOffset.UTC, 62).endDay()).isEqualTo(LocalDate.of(2025, 5, 2));
        assertThatThrownBy(() -> CalendarRange.parse("2025-03-02", "2025-03-01", "UTC", ZoneOffset.UTC, 62)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> CalendarRange.parse("2025-03-01", "2025-03-01", "UTC", ZoneOffset.UTC, 62)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> CalendarRange.parse("yesterday", "2025-03-01", "UTC", ZoneOffset.UTC, 62)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> CalendarRange.parse("2025-13-01", "2025-03-01", "UTC", ZoneOffset.UTC, 62)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> CalendarRange.parse(null, "2025-03-01", "UTC", ZoneOffset.UTC, 62)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> CalendarRange.parse("2025-03-01", "2025-03-02", "Mars/Olympus", ZoneOffset.UTC, 62)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> CalendarRange.parse("+999999999-01-01T00:00:00Z", "2025-03-02", "UTC", ZoneOffset.UTC, 62))
                .isInstanceOf(InvalidField.class);
    }
}
