package org.moim.board.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LabelRequest", description = "A label's name and colour (both required to create; either to change).")
public class LabelRequest {
    @Schema(example = "bug", description = "1 to 40 characters.")
    @Size(max = 1000)
    public String name;

    @Schema(example = "#d73a4a")
    @Size(max = 32)
    public String colour;
}
