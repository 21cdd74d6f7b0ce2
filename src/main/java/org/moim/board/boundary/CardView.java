package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.Cards;
import org.moim.board.entity.Card;
import org.moim.board.entity.ChecklistItem;

@JsonbNillable
@Schema(name = "Card", description = "A card with its assignees, labels and checklist; comments are read separately.")
public record CardView(
        String id,
        String boardId,
        String listId,
        @Schema(example = "Write the brief") String title,
        @Schema(description = "Markdown, stored as written: render it safely.", example = "Ask @[Kim Minji](0b6c3f5e-6d0e-4bb8-9c1e-2f1d1a7c9e21)") String description,
        @Schema(example = "2026-03-01T09:00:00Z") Instant startAt,
        @Schema(example = "2026-03-10T17:00:00Z") Instant dueAt,
        boolean archived,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The version for If-Match (also sent as the ETag).") long version,
        List<PersonView> assignees,
        List<LabelView> labels,
        List<ChecklistItemView> checklist,
        @Schema(description = "How many comments the card has.") long comments) {

    static CardView from(Cards.Detail detail) {
        Card c = detail.card();
        List<ChecklistItem> items = detail.checklist();
        // Positions as the client sees them: 0, 1, 2… in order.
        List<ChecklistItemView> checklist = IntStream.range(0, items.size())
                .mapToObj(i -> new ChecklistItemView(items.get(i).id(), items.get(i).content(), items.get(i).done(), i, items.get(i).version()))
                .toList();
        return new CardView(c.id(), c.board().id(), c.list().id(), c.title(), c.description(), c.startAt(), c.dueAt(), c.archived(),
                c.createdBy(), c.createdAt(), c.updatedAt(), c.version(),
                detail.assignees().stream().map(PersonView::from).toList(),
                detail.labels().stream().map(LabelView::from).toList(),
                checklist, detail.comments());
    }
}
