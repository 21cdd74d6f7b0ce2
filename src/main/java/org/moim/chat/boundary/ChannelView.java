package org.moim.chat.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.chat.control.Channels;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;

@JsonbNillable
@Schema(name = "Channel", description = "A chat channel the caller reads, with the caller's read state.")
public record ChannelView(
        String id,
        String workspaceId,
        ChannelKind kind,
        @Schema(description = "BOARD channels: the board; null for DIRECT.") String boardId,
        @Schema(description = "DIRECT channels: everyone in the conversation (the caller too); empty for BOARD.") List<String> memberIds,
        @Schema(description = "The sequence number of the channel's newest message (0: none yet).") long lastSequence,
        @Schema(description = "The caller has read every message up to this sequence.") long readSequence,
        @Schema(description = "Messages after readSequence that are not deleted and not the caller's own.") long unread,
        Instant createdAt) {

    static ChannelView from(Channels.Listed listed) {
        Channel c = listed.channel();
        return new ChannelView(c.id(), c.workspaceId(), c.kind(), c.boardId(), listed.memberIds(), c.lastSeq(),
                listed.readSequence(), listed.unread(), c.createdAt());
    }
}
