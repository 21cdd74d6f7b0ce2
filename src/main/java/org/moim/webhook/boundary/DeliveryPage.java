package org.moim.webhook.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;
import org.moim.webhook.entity.WebhookDelivery;

@JsonbNillable
@Schema(name = "WebhookDeliveryPage", description = "Deliveries newest first; pass nextCursor as ?cursor= for the next page (null on the last).")
public record DeliveryPage(List<DeliveryView> items, String nextCursor) {

    static DeliveryPage from(Page<WebhookDelivery> page) {
        return new DeliveryPage(page.items().stream().map(DeliveryView::from).toList(), page.nextCursor());
    }
}
