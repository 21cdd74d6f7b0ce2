package org.moim.calendar.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sizes here only bound the body; the exact limits (moim.calendar.*) are checked by the application. */
@Schema(name = "CreateEventRequest", description = "A new event. See docs/calendar.md for the forms of start and end.")
public class CreateEventRequest {
    @Schema(example = "분기 회의 Quarterly review", description = "1 to 200 characters (moim.calendar.title-max).")
    @NotNull @Size(max = 1000)
    public String title;

    @Schema(description = "Up to 4,000 characters (moim.calendar.description-max); line breaks are kept.")
    @Size(max = 20000)
    public String description;

    @Schema(example = "Room 3 / 회의실 3", description = "Up to 500 characters (moim.calendar.location-max).")
    @Size(max = 2000)
    public String location;

    @Schema(description = "All-day events take dates (YYYY-MM-DD) for start and end; default false.")
    public Boolean allDay;

    @Schema(example = "2025-03-04T10:00:00+09:00", description = "A date-time with offset, or a date for an all-day event.")
    @NotNull @Size(max = 64)
    public String start;

    @Schema(example = "2025-03-04T11:30:00+09:00",
            description = "After start. For an all-day event the day after the last day (exclusive); optional there (one day).")
    @Size(max = 64)
    public String end;

    @Schema(description = "Account ids of workspace members (up to moim.calendar.max-attendees); each newly added one is notified.", type = SchemaType.ARRAY, implementation = String.class)
    @Size(max = 2000)
    public List<@NotNull @Size(max = 64) String> attendees;
}
