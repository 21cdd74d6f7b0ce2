package org.moim.webhook.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.webhook.entity.WebhookFormat;

@Schema(name = "CreateWebhookRequest")
public class CreateWebhookRequest {
    @Schema(description = "http or https; loopback, private and link-local addresses are refused (docs/webhooks.md).",
            example = "https://example.com/moim-events")
    @NotBlank
    @Size(max = 2000)
    public String url;

    @Schema(description = "Event types to receive, or [\"*\"] for all.", example = "[\"member.joined\", \"member.left\"]", type = SchemaType.ARRAY, implementation = String.class)
    @NotNull
    @Size(min = 1, max = 20)
    public List<String> events;

    @Schema(enumeration = {"JSON", "SLACK"}, description = "Defaults to JSON.")
    public WebhookFormat format;

    @Schema(description = "For people: what this webhook is for.", example = "Team channel in Slack")
    @Size(max = 200)
    public String description;
}
