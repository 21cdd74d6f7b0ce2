package org.moim.webhook.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.webhook.control.Webhooks;
import org.moim.webhook.entity.Webhook;

@Schema(name = "Webhook", description = "Where a workspace's events are POSTed. The ETag of one webhook is its version, for If-Match.")
public record WebhookView(
        String id,
        String workspaceId,
        @Schema(example = "https://hooks.slack.com/services/T000/B000/XXXX") String url,
        @Schema(description = "Subscribed event types, or [\"*\"] for all.", example = "[\"member.joined\", \"member.left\"]", type = SchemaType.ARRAY, implementation = String.class) List<String> events,
        @Schema(enumeration = {"JSON", "SLACK"}, description = "JSON: Moim's event object; SLACK: {\"text\": …} for Slack or Mattermost.") String format,
        String description,
        @Schema(description = "An inactive webhook receives nothing (test events excepted).") boolean active,
        @Schema(description = "Only in the answer to creating the webhook or replacing its secret: shown once, store it.",
                example = "whsec_6fQk…") String secret,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static WebhookView from(Webhook webhook) {
        return from(webhook, null);
    }

    static WebhookView from(Webhooks.WithSecret created) {
        return from(created.webhook(), created.secret());
    }

    private static WebhookView from(Webhook w, String secret) {
        return new WebhookView(w.id(), w.workspaceId(), w.url(), List.copyOf(w.events()), w.format().name(), w.description(), w.active(),
                secret, w.createdBy(), w.createdAt(), w.updatedAt(), w.version());
    }
}
