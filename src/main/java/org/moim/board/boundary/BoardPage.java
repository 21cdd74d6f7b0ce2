package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.Boards;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "BoardPage", description = "One page of boards; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record BoardPage(List<BoardSummaryView> items, String nextCursor) {

    static BoardPage from(Page<Boards.Summary> page) {
        return new BoardPage(page.items().stream().map(BoardSummaryView::from).toList(), page.nextCursor());
    }
}
