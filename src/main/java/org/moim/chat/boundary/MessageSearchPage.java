package org.moim.chat.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.chat.control.History;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "ChatSearchPage", description = "Matching messages, newest first; pass nextCursor as ?cursor= (null on the last page).")
public record MessageSearchPage(List<MessageView> items, String nextCursor) {

    static MessageSearchPage from(Page<History.Item> page) {
        return new MessageSearchPage(page.items().stream().map(MessageView::from).toList(), page.nextCursor());
    }
}
