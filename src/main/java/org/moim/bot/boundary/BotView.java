package org.moim.bot.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.bot.entity.Bot;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "Bot", description = "A workspace's bot: an account that acts with the tokens its admins make.")
public record BotView(
        @Schema(description = "Its account id: the senderId of its messages.") String id,
        String workspaceId,
        @Schema(example = "Build bot") String name,
        @Schema(description = "Like a workspace's avatar (an emoji or a few letters); null when none.", example = "🤖") String avatar,
        String createdBy,
        Instant createdAt) {

    static BotView from(Bot bot) {
        return new BotView(bot.id(), bot.workspaceId(), bot.account().displayName(), bot.avatar(), bot.createdBy(), bot.createdAt());
    }

    @JsonbNillable
    @Schema(name = "BotPage", description = "One page of a workspace's bots, oldest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record PageView(List<BotView> items, String nextCursor) {
        static PageView from(Page<Bot> page) {
            return new PageView(page.items().stream().map(BotView::from).toList(), page.nextCursor());
        }
    }
}
