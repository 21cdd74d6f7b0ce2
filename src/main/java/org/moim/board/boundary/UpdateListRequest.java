package org.moim.board.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateListRequest", description = "Only the members present change.")
public class UpdateListRequest {
    @Schema(example = "Doing")
    @Size(max = 1000)
    public String name;

    @Schema(description = "An archived list leaves the board view with its cards; unarchiving brings both back.")
    public Boolean archived;
}
