package org.moim.notification.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonbNillable
@Schema(name = "NotificationPage", description = "One page of my inbox, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record NotificationPage(List<NotificationView> items, String nextCursor,
                               @Schema(description = "Unread notifications in the whole inbox") long unreadCount) {
}
