package org.moim.calendar.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moim.identity.entity.Account;
import org.moim.workspace.entity.Workspace;

class CalendarEventTest {

    private static final Instant NOW = Instant.parse("2025-02-20T08:00:00Z");

    private static CalendarEvent event(EventTime time) {
        return new CalendarEvent(new Workspace("Team", "", null, NOW),
                new Account("a@example.com", "hash", "Kim", Account.Language.EN, ZoneId.of("UTC"), NOW), "Title", null, null, time, NOW);
    }

    @Test
    void anAllDayEventKeepsDatesAndNoInstants() {
        CalendarEvent event = event(new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)));
        assertThat(event.allDay()).isTrue();
        assertThat(event.time()).isEqualTo(new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)));
        event.reschedule(new EventTime.Timed(NOW, NOW.plusSeconds(60)), NOW);
        assertThat(event.allDay()).isFalse();
        assertThat(event.time()).isEqualTo(new EventTime.Timed(NOW, NOW.plusSeconds(60)));
    }

    @Test
    void replacingAttendeesAnswersOnlyThoseNewlyAdded() {
        CalendarEvent event = event(new EventTime.Timed(NOW, NOW.plusSeconds(60)));
        assertThat(event.replaceAttendees(List.of("a", "b"), NOW)).containsExactly("a", "b");
        assertThat(event.replaceAttendees(List.of("b", "c", "c"), NOW)).containsExactly("c");
        assertThat(event.attendeeIds()).containsExactlyInAnyOrder("b", "c");
        assertThat(event.replaceAttendees(List.of(), NOW)).isEmpty();
        assertThat(event.attendeeIds()).isEmpty();
    }

    @Test
    void anEventEndsAfterItStarts() {
        assertThatThrownBy(() -> new EventTime.Timed(NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
