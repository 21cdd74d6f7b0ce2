package org.moim.board.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.entity.ChecklistItem;

@Schema(name = "ChecklistItem", description = "One line of a card's checklist.")
public record ChecklistItemView(String id, @Schema(example = "Outline") String content, boolean done,
                                @Schema(description = "0 for the first item") int position, long version) {

    static ChecklistItemView from(ChecklistItem item) {
        return new ChecklistItemView(item.id(), item.content(), item.done(), item.sortOrder(), item.version());
    }
}
