package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.entity.Board;

@JsonbNillable
@Schema(name = "Board", description = "A board (without its lists and cards).")
public record BoardView(
        String id,
        String workspaceId,
        @Schema(example = "Launch") String name,
        @Schema(example = "Everything for the Q3 launch") String description,
        @Schema(example = "#3366ff", description = "#rrggbb, or null for the default") String colour,
        @Schema(example = "2026-03-01") LocalDate startDate,
        @Schema(example = "2026-06-30") LocalDate deadline,
        boolean archived,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The version for If-Match (also sent as the ETag).") long version) {

    static BoardView from(Board b) {
        return new BoardView(b.id(), b.workspaceId(), b.name(), b.description(), b.colour(), b.startDate(), b.deadline(),
                b.archived(), b.createdBy(), b.createdAt(), b.updatedAt(), b.version());
    }
}
