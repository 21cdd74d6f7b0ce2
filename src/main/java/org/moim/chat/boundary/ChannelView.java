package org.moim.chat.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.chat.control.Channels;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "Channel", description = "A chat channel the caller reads, with the caller's read state.")
public record ChannelView(
        String id,
        String workspaceId,
        ChannelKind kind,
        @Schema(description = "BOARD channels: the board; null for DIRECT.") String boardId,
        @Schema(description = "DIRECT channels: everyone in the conversation (the caller too); empty for BOARD.", type = SchemaType.ARRAY, implementation = String.class) List<String> memberIds,
        @Schema(description = "The sequence number of the channel's newest message (0: none yet).") long lastSequence,
        @Schema(description = "The caller has read every message up to this sequence.") long readSequence,
        @Schema(description = "Messages after readSequence that are not deleted and not the caller's own.") long unread,
        Instant createdAt,
        @Schema(description = "WORKSPACE channels: the name (unique in the workspace); null for other kinds.") String name,
        @Schema(description = "WORKSPACE channels: the topic, or null.") String topic,
        @Schema(description = "WORKSPACE channels: the description, or null.") String description,
        @Schema(description = "WORKSPACE channels: members are invited (true) or anyone may join (false).") boolean isPrivate,
        @Schema(description = "WORKSPACE channels: the workspace's general channel, which everyone but guests is in.") boolean general,
        @Schema(description = "When the channel was archived (read-only), or null.") Instant archivedAt,
        @Schema(description = "The caller muted the channel: @channel does not notify them.") boolean muted,
        @Schema(description = "In the channel list: unread messages that mention the caller or say @channel (unless muted); 0 elsewhere.")
        long mentions,
        @Schema(description = "WORKSPACE channels: the version of its name, topic, description and archived state, for If-Match on "
                + "PATCH, archive and unarchive (also the ETag of those answers and of GET /channels/{id}).") long version) {

    static ChannelView from(Channels.Listed listed) {
        Channel c = listed.channel();
        return new ChannelView(c.id(), c.workspaceId(), c.kind(), c.boardId(), listed.memberIds(), c.lastSeq(),
                listed.readSequence(), listed.unread(), c.createdAt(), c.name(), c.topic(), c.description(), c.isPrivate(),
                c.isGeneral(), c.archivedAt(), listed.muted(), listed.mentions(), c.settingsVersion());
    }

    /**
     * The answer with the channel's settings version as a weak ETag: weak because the body also
     * carries my read state (unread, mentions, muted), which changes under the same version.
     * If-Match takes it as it is or without the {@code W/}.
     */
    Response tagged() {
        return Response.ok(this).tag(new EntityTag(String.valueOf(version), true)).build();
    }

    @JsonbNillable
    @Schema(name = "ChannelPage", description = "One page of my channels, oldest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record PageView(@Schema(type = SchemaType.ARRAY, implementation = ChannelView.class) List<ChannelView> items, String nextCursor) {
        static PageView from(Page<Channels.Listed> page) {
            return new PageView(page.items().stream().map(ChannelView::from).toList(), page.nextCursor());
        }
    }
}
