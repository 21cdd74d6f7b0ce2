package org.moim.keywordbot.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.keywordbot.entity.Handover;

@JsonbNillable
@Schema(name = "Handover", description = "Someone asked the keyword bot for a person in a thread.")
public record HandoverView(
        String id,
        String workspaceId,
        String channelId,
        @Schema(description = "The thread's first message.") String threadId,
        String askedBy,
        @Schema(description = "Null until a responder takes it; the bot is silent in the thread from then on.") String takenBy,
        Instant takenAt,
        Instant createdAt) {

    static HandoverView from(Handover h) {
        return new HandoverView(h.id(), h.workspaceId(), h.channelId(), h.threadId(), h.askedBy(), h.takenBy(), h.takenAt(), h.createdAt());
    }
}
