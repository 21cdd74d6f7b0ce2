package org.moim.webhook.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.webhook.control.IncomingWebhooks;
import org.moim.webhook.entity.IncomingWebhook;

@JsonbNillable
@Schema(name = "IncomingWebhook", description = "A channel's incoming webhook: whoever has its URL posts into the channel.")
public record IncomingWebhookView(
        String id,
        String workspaceId,
        String channelId,
        String name,
        @Schema(description = "The account its messages are sent as (a bot of the workspace).") String accountId,
        @Schema(description = "Only in the answer to creating the hook or replacing its secret: the secret URL to POST to, "
                + "shown once; store it like a password.", example = "https://moim.example.com/api/v1/hooks/moim_hook_6fQk…") String url,
        @Schema(description = "The secret's last four characters, to tell URLs apart.", example = "x9Qa") String hint,
        String createdBy,
        Instant createdAt,
        @Schema(description = "When its URL last posted a message; null if never.") Instant lastUsedAt) {

    static IncomingWebhookView from(IncomingWebhook hook) {
        return from(hook, null);
    }

    static IncomingWebhookView from(IncomingWebhooks.WithSecret created, String hooksRoot) {
        return from(created.hook(), hooksRoot + created.secret());
    }

    private static IncomingWebhookView from(IncomingWebhook hook, String url) {
        return new IncomingWebhookView(hook.id(), hook.workspaceId(), hook.channelId(), hook.name(), hook.accountId(), url, hook.hint(),
                hook.createdBy(), hook.createdAt(), hook.lastUsedAt());
    }
}
