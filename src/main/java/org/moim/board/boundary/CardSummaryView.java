package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.BoardViews;

@JsonbNillable
@Schema(name = "CardSummary", description = "A card as the board view shows it.")
public record CardSummaryView(
        String id,
        String listId,
        @Schema(example = "Write the brief") String title,
        Instant startAt,
        Instant dueAt,
        long version,
        List<PersonView> assignees,
        List<String> labelIds,
        @Schema(description = "How many comments the card has.", example = "2") long comments,
        ChecklistProgress checklist) {

    @Schema(name = "ChecklistProgress", description = "Items done out of all items.")
    public record ChecklistProgress(@Schema(example = "1") long done, @Schema(example = "3") long total) {
    }

    static CardSummaryView from(BoardViews.CardSummary c) {
        return new CardSummaryView(c.id(), c.listId(), c.title(), c.startAt(), c.dueAt(), c.version(),
                c.assignees().stream().map(PersonView::from).toList(), c.labelIds(), c.comments(),
                new ChecklistProgress(c.checklistDone(), c.checklistTotal()));
    }
}
