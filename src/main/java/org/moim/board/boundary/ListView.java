package org.moim.board.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.entity.BoardList;

@Schema(name = "BoardList", description = "A list (column) of a board.")
public record ListView(String id, String boardId, @Schema(example = "To do") String name, boolean archived, long version,
                       Instant createdAt, Instant updatedAt) {

    static ListView from(BoardList list) {
        return new ListView(list.id(), list.board().id(), list.name(), list.archived(), list.version(), list.createdAt(), list.updatedAt());
    }
}
