package org.moim.board.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateBoardRequest", description = "Only the members present change; an empty colour, startDate or deadline clears it.")
public class UpdateBoardRequest {
    @Schema(example = "Launch 2026")
    @Size(max = 1000)
    public String name;

    @Size(max = 100_000)
    public String description;

    @Schema(example = "#3366ff")
    @Size(max = 32)
    public String colour;

    @Schema(example = "2026-03-01")
    @Size(max = 32)
    public String startDate;

    @Schema(example = "")
    @Size(max = 32)
    public String deadline;

    @Schema(example = "true", description = "Archived boards leave the list of boards (see ?archived=true) but keep everything.")
    public Boolean archived;
}
