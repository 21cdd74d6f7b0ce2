package org.moim.calendar.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.calendar.control.CardEntry;

@Schema(name = "CalendarCard", description = "A card with a start or due date, shown in the calendar.")
public record CardItemView(
        @Schema(description = "Always \"card\".", example = "card") String kind,
        String id,
        String title,
        @Schema(description = "Always false: cards have instants.") boolean allDay,
        @Schema(description = "startAt, or dueAt when the card has no start.") String start,
        @Schema(description = "dueAt, or startAt when the card has no due date.") String end,
        Instant startAt,
        Instant dueAt,
        String boardId,
        String boardName,
        @Schema(example = "#/w/9a0b/boards/5b6c?card=77aa", description = "The card in the browser app.") String link) implements CalendarItemView {

    static CardItemView from(CardEntry card) {
        return new CardItemView("card", card.id(), card.title(), false, card.start().toString(), card.end().toString(),
                card.startAt(), card.dueAt(), card.boardId(), card.boardName(), card.link());
    }
}
