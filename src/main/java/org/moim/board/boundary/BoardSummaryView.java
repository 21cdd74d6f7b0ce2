package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.Boards;
import org.moim.board.entity.Board;

@JsonbNillable
@Schema(name = "BoardSummary", description = "A board in the list of boards, with its number of open cards.")
public record BoardSummaryView(
        String id,
        String workspaceId,
        String name,
        String description,
        String colour,
        LocalDate startDate,
        LocalDate deadline,
        boolean archived,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Schema(description = "Cards that are neither archived nor in an archived list.", example = "12") long openCards) {

    static BoardSummaryView from(Boards.Summary summary) {
        Board b = summary.board();
        return new BoardSummaryView(b.id(), b.workspaceId(), b.name(), b.description(), b.colour(), b.startDate(), b.deadline(),
                b.archived(), b.createdBy(), b.createdAt(), b.updatedAt(), b.version(), summary.openCards());
    }
}
