package org.moim.workspace.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateWorkspaceRequest", description = "Only the fields present are changed; an empty description or avatar removes it.")
public class UpdateWorkspaceRequest {
    @Schema(description = "1 to 80 characters.")
    @Size(max = 400)
    public String name;

    @Schema(description = "Up to 2,000 characters.")
    @Size(max = 8000)
    public String description;

    @Schema(description = "Up to 64 characters: letters, digits, - . _ ~ or an emoji.")
    @Size(max = 256)
    public String avatar;
}
