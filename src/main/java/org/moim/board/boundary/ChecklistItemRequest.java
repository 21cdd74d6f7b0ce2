package org.moim.board.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChecklistItemRequest", description = "An item's text (required to add), done flag and position (0 = first).")
public class ChecklistItemRequest {
    @Schema(example = "Outline", description = "1 to 500 characters.")
    @Size(max = 5000)
    public String content;

    public Boolean done;

    @Schema(example = "0")
    public Integer position;
}
