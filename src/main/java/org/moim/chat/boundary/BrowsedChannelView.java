package org.moim.chat.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.chat.control.WorkspaceChannels;
import org.moim.chat.entity.Channel;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "BrowsedChannel", description = "A public channel of the workspace, as the browse list shows it.")
public record BrowsedChannelView(String id, String name, String topic, String description, boolean general, Instant archivedAt,
                                 long memberCount,
                                 @Schema(description = "Whether the caller is in it.") boolean joined,
                                 Instant createdAt) {

    static BrowsedChannelView from(WorkspaceChannels.Browsed browsed) {
        Channel c = browsed.channel();
        return new BrowsedChannelView(c.id(), c.name(), c.topic(), c.description(), c.isGeneral(), c.archivedAt(),
                browsed.memberCount(), browsed.joined(), c.createdAt());
    }

    @JsonbNillable
    @Schema(name = "BrowsedChannelPage", description = "One page of public channels by name; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record PageView(@Schema(type = SchemaType.ARRAY, implementation = BrowsedChannelView.class) List<BrowsedChannelView> items,
                           String nextCursor) {
        static PageView from(Page<WorkspaceChannels.Browsed> page) {
            return new PageView(page.items().stream().map(BrowsedChannelView::from).toList(), page.nextCursor());
        }
    }
}
