package org.moim.workspace.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sizes here only bound the body; the exact limits (in characters) are checked by the application. */
@Schema(name = "CreateWorkspaceRequest", description = "A new workspace; the caller becomes its owner.")
public class CreateWorkspaceRequest {
    @Schema(example = "디자인팀 Design", description = "1 to 80 characters.")
    @NotNull @Size(max = 400)
    public String name;

    @Schema(description = "Up to 2,000 characters.")
    @Size(max = 8000)
    public String description;

    @Schema(example = "🚀", description = "Up to 64 characters: letters, digits, - . _ ~ or an emoji.")
    @Size(max = 256)
    public String avatar;
}
