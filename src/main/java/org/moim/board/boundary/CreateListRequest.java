package org.moim.board.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateListRequest", description = "A new list: at the end, or right after / before another list of the board.")
public class CreateListRequest {
    @Schema(example = "To do", description = "1 to 100 characters.")
    @NotNull @Size(max = 1000)
    public String name;

    @Size(max = 64)
    public String afterListId;

    @Size(max = 64)
    public String beforeListId;
}
