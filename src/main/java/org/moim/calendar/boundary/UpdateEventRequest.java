package org.moim.calendar.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateEventRequest", description = "Only the fields present change; an empty description or location removes it; "
        + "attendees, when present, replace the list. Switching allDay needs start (and for a timed event end) in the new form.")
public class UpdateEventRequest {
    @Schema(description = "1 to 200 characters.")
    @Size(max = 1000)
    public String title;

    @Size(max = 20000)
    public String description;

    @Size(max = 2000)
    public String location;

    public Boolean allDay;

    @Schema(example = "2025-03-04T10:00:00+09:00")
    @Size(max = 64)
    public String start;

    @Schema(example = "2025-03-04T11:30:00+09:00")
    @Size(max = 64)
    public String end;

    @Size(max = 2000)
    public List<@NotNull @Size(max = 64) String> attendees;
}
