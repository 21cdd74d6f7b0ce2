package org.moim.calendar.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When an event happens: between two instants, or on whole calendar days. All-day events are
 * dates, never instants, so a time zone cannot move them to another day.
 */
public sealed interface EventTime {

    boolean allDay();

    /** From {@code start} to {@code end} (after {@code start}). */
    record Timed(Instant start, Instant end) implements EventTime {
        public Timed {
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("An event ends after it starts: " + start + " to " + end);
            }
        }

        @Override
        public boolean allDay() {
            return false;
        }
    }

    /** The days from {@code start} up to, not including, {@code end} (as DTEND in RFC 5545). */
    record AllDay(LocalDate start, LocalDate end) implements EventTime {
        public AllDay {
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("An all-day event ends on a later day than it starts: " + start + " to " + end);
            }
        }

        @Override
        public boolean allDay() {
            return true;
        }
    }
}
