package org.moim.calendar.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.calendar.control.CalendarItems;
import org.moim.calendar.control.CardEntry;
import org.moim.calendar.control.EventDetails;
import org.moim.calendar.entity.EventTime;

@Schema(name = "CalendarRange", description = "Events and cards of a range, sorted by start.")
public record CalendarRangeView(
        @Schema(description = "The range's start as an instant.") Instant from,
        @Schema(description = "The range's end (exclusive) as an instant.") Instant to,
        @Schema(example = "Asia/Seoul", description = "The zone that decided the days of the range.") String timeZone,
        @Schema(description = "True when the range held more than moim.calendar.max-items events or cards: ask for a shorter one.") boolean truncated,
        List<CalendarItemView> items) {

    static CalendarRangeView from(CalendarItems.Slice slice) {
        record Sortable(Instant start, String title, CalendarItemView view) {
        }
        List<Sortable> all = new ArrayList<>();
        for (EventDetails event : slice.events()) {
            EventTime time = event.event().time();
            Instant start = time instanceof EventTime.AllDay days ? days.start().atStartOfDay(slice.range().zone()).toInstant()
                    : ((EventTime.Timed) time).start();
            all.add(new Sortable(start, event.event().title(), EventView.from(event)));
        }
        for (CardEntry card : slice.cards()) {
            all.add(new Sortable(card.start(), card.title(), CardItemView.from(card)));
        }
        all.sort(Comparator.comparing(Sortable::start).thenComparing(Sortable::title));
        return new CalendarRangeView(slice.range().from(), slice.range().to(), slice.range().zone().getId(), slice.truncated(),
                all.stream().map(Sortable::view).toList());
    }
}
