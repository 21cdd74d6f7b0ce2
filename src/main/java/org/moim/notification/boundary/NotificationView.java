package org.moim.notification.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.notification.entity.Notification;
import org.moim.notification.entity.NotificationReader;

@JsonbNillable
@Schema(name = "Notification", description = "One entry in my inbox.")
public record NotificationView(
        String id,
        @Schema(example = "card.assigned") String kind,
        @Schema(description = "Who caused it; null for the system") String actorId,
        String actorName,
        String workspaceId,
        @Schema(example = "card") String subjectType,
        String subjectId,
        @Schema(description = "In my language (my profile's locale), instants in my time zone", example = "You were assigned to “Quarterly report”") String title,
        String excerpt,
        @Schema(description = "Browser route", example = "#/w/4f1c…/boards/9a2e…?card=77c1…") String link,
        Instant createdAt,
        @Schema(description = "Null while unread") Instant readAt) {

    static NotificationView from(Notification n, String actorName, NotificationReader reader) {
        return new NotificationView(n.id(), n.kind(), n.actorId(), actorName, n.workspaceId(), n.subjectType(),
                n.subjectId(), reader.title(n, actorName), n.excerpt(), n.link(), n.createdAt(), n.readAt());
    }
}
