package org.moim.webhook.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateIncomingWebhookRequest")
public class CreateIncomingWebhookRequest {
    @Schema(description = "Shown as the sender of the hook's messages (a body's username replaces it for one message).",
            example = "Deploy bot")
    @NotBlank
    @Size(max = 100)
    public String name;
}
