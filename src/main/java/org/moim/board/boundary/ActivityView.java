package org.moim.board.boundary;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.ActivityLog;

@JsonbNillable
@Schema(name = "Activity", description = "One entry of a board's activity log.")
public record ActivityView(String id, @Schema(example = "card.moved") String kind, String actorId,
                           @Schema(example = "Kim Minji") String actorName,
                           @Schema(description = "The card it is about, if any.") String cardId,
                           @Schema(description = "What changed: ids and new values, depending on the kind (docs/boards.md).",
                                   implementation = Object.class) JsonObject details,
                           Instant createdAt) {

    static ActivityView from(ActivityLog.Entry entry) {
        return new ActivityView(entry.id(), entry.kind(), entry.actorId(), entry.actorName(), entry.cardId(),
                ActivityLog.parse(entry.details()), entry.createdAt());
    }
}
