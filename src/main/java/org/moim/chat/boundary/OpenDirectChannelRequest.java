package org.moim.chat.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OpenDirectChannelRequest")
public class OpenDirectChannelRequest {
    @NotNull
    @Size(min = 1, max = 7)
    @Schema(description = "The other people (account ids, members of the workspace); 1 to 7.", example = "[\"3f6c…\"]", type = SchemaType.ARRAY, implementation = String.class)
    public List<String> accountIds;
}
