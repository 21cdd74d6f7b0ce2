package org.moim.calendar.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarFeed", description = "My feed. url and path only in the answer that created or rotated it.")
public record FeedView(
        @Schema(description = "Whether I have a feed.") boolean active,
        @Schema(example = "https://moim.example.com/calendar/feeds/3q2-7w….ics", description = "Shown once: subscribe with it.") String url,
        @Schema(example = "/calendar/feeds/3q2-7w….ics") String path,
        Instant createdAt) {
}
