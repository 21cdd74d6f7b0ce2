package org.moim.chat.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PostMessageRequest", description = "A message posted over REST, as the WebSocket send frame carries it.")
public class PostMessageRequest {
    @NotNull
    @Schema(description = "1 to 16 KiB of UTF-8, not blank.", example = "Build 512 passed")
    public String text;

    @Schema(description = "Account ids to mention (only readers of the channel are kept).", type = SchemaType.ARRAY, implementation = String.class)
    public List<String> mentions;

    @Schema(description = "The thread to reply in (its first message's id).")
    public String parentId;

    @Schema(description = "Posting again with the same key answers the message stored the first time (200, not 201).")
    public String idempotencyKey;
}
