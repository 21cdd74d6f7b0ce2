package org.moim.calendar.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.calendar.control.EventDetails;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.EventTime;

@Schema(name = "CalendarEvent", description = "An event. Timed: start/end are UTC date-times. All-day: start/end are dates, end exclusive.")
public record EventView(
        @Schema(description = "Always \"event\".", example = "event") String kind,
        String id,
        String workspaceId,
        String title,
        String description,
        String location,
        boolean allDay,
        @Schema(example = "2025-03-04T01:00:00Z", description = "UTC date-time, or YYYY-MM-DD for an all-day event.") String start,
        @Schema(example = "2025-03-04T02:30:00Z", description = "UTC date-time, or the day after the last day for an all-day event.") String end,
        List<PersonView> attendees,
        PersonView createdBy,
        @Schema(description = "Whether the caller may change it.") boolean canEdit,
        @Schema(description = "Whether the caller may delete it.") boolean canDelete,
        @Schema(description = "The version for If-Match (also sent as the ETag).") long version,
        Instant createdAt,
        Instant updatedAt) implements CalendarItemView {

    static EventView from(EventDetails details) {
        CalendarEvent event = details.event();
        EventTime time = event.time();
        String start;
        String end;
        if (time instanceof EventTime.AllDay days) {
            start = days.start().toString();
            end = days.end().toString();
        } else {
            EventTime.Timed timed = (EventTime.Timed) time;
            start = timed.start().toString();
            end = timed.end().toString();
        }
        return new EventView("event", event.id(), event.workspace().id(), event.title(), event.description(), event.location(),
                event.allDay(), start, end, details.attendees().stream().map(PersonView::from).toList(),
                PersonView.from(details.creator()), details.canEdit(), details.canDelete(), event.version(),
                event.createdAt(), event.updatedAt());
    }
}
