package org.moim.chat.boundary;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateChannelRequest")
public class CreateChannelRequest {
    @Schema(description = "1 to 80 characters, any script, no control characters; unique in the workspace ignoring case and "
            + "Unicode normalization. A leading # is dropped.", example = "디자인")
    public String name;

    @Schema(description = "One line, up to 250 characters.")
    public String topic;

    @Schema(description = "Up to 1,000 characters.")
    public String description;

    @Schema(description = "Private: only those invited are in it, and it is 404 to everyone else. Never changes.")
    public boolean isPrivate;

    @Size(max = 50)
    @Schema(description = "Members of the workspace to put in it besides the creator; up to 50.", type = SchemaType.ARRAY, implementation = String.class)
    public List<String> memberIds;
}
