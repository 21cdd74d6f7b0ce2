package org.moim.webhook.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "IncomingWebhookPage", description = "One page of a channel's incoming webhooks, oldest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record IncomingWebhookPage(List<IncomingWebhookView> items, String nextCursor) {

    static IncomingWebhookPage of(Page<IncomingWebhookView> page) {
        return new IncomingWebhookPage(page.items(), page.nextCursor());
    }
}
