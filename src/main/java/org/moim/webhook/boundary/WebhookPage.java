package org.moim.webhook.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "WebhookPage", description = "One page of the workspace's webhooks, oldest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record WebhookPage(List<WebhookView> items, String nextCursor) {

    static WebhookPage of(Page<WebhookView> page) {
        return new WebhookPage(page.items(), page.nextCursor());
    }
}
