package org.moim.webhook.boundary;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.webhook.entity.WebhookFormat;

@Schema(name = "UpdateWebhookRequest", description = "Only the fields given change.")
public class UpdateWebhookRequest {
    @Size(max = 2000)
    public String url;

    @Size(min = 1, max = 20)
    public List<String> events;

    @Schema(enumeration = {"JSON", "SLACK"})
    public WebhookFormat format;

    @Schema(description = "Empty text removes it.")
    @Size(max = 200)
    public String description;

    @Schema(description = "false stops deliveries of new events (queued ones still go).")
    public Boolean active;
}
