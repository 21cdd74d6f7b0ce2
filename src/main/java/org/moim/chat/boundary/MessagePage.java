package org.moim.chat.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.chat.control.History;

@Schema(name = "ChatMessagePage", description = "Messages in ascending sequence. more: there are more in the direction asked for "
        + "(older for before= or no cursor: pass the first item's sequence as before=; newer for after=: pass the last item's as after=). "
        + "visibleFrom: messages older than this are hidden by the workspace's plan (kept, shown again on a plan that allows them); "
        + "absent when the plan shows all history.")
public record MessagePage(List<MessageView> items, boolean more, Instant visibleFrom) {

    static MessagePage from(History.Slice slice) {
        return new MessagePage(slice.items().stream().map(MessageView::from).toList(), slice.more(), slice.visibleFrom());
    }
}
