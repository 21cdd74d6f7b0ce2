package org.moim.chat.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChannelMembersRequest")
public class ChannelMembersRequest {
    @NotNull
    @Size(min = 1, max = 50)
    @Schema(description = "Members of the channel's workspace to add; 1 to 50.", type = SchemaType.ARRAY, implementation = String.class)
    public List<String> accountIds = List.of();
}
