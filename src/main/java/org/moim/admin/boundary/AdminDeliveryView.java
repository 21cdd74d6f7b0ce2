package org.moim.admin.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;
import org.moim.webhook.entity.WebhookDelivery;

@JsonbNillable
@Schema(name = "AdminWebhookDelivery", description = "A webhook delivery as administrators see it (without its body).")
public record AdminDeliveryView(String id, String webhookId, String eventType, String status, int attempts, Integer httpStatus,
                                String lastError, Instant createdAt, Instant lastAttemptAt) {

    static AdminDeliveryView from(WebhookDelivery delivery) {
        return new AdminDeliveryView(delivery.id(), delivery.webhookId(), delivery.eventType(), delivery.status().name(),
                delivery.attempts(), delivery.httpStatus(), delivery.lastError(), delivery.createdAt(), delivery.lastAttemptAt());
    }

    @JsonbNillable
    @Schema(name = "AdminWebhookDeliveryPage", description = "Dead deliveries newest first; pass nextCursor as ?cursor= for the next page (null on the last).")
    public record PageView(List<AdminDeliveryView> items, String nextCursor) {
        static PageView from(Page<WebhookDelivery> page) {
            return new PageView(page.items().stream().map(AdminDeliveryView::from).toList(), page.nextCursor());
        }
    }
}
