package org.moim.board.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sizes here only bound the body; the exact limits (in characters) are checked by the application. */
@Schema(name = "CreateBoardRequest", description = "A new board of the workspace.")
public class CreateBoardRequest {
    @Schema(example = "Launch", description = "1 to 100 characters (moim.boards.name-max-length).")
    @NotNull @Size(max = 1000)
    public String name;

    @Schema(example = "Everything for the Q3 launch", description = "Up to 5,000 characters.")
    @Size(max = 100_000)
    public String description;

    @Schema(example = "#3366ff", description = "#rrggbb; absent or empty for the default.")
    @Size(max = 32)
    public String colour;

    @Schema(example = "2026-03-01", description = "A date, or empty.")
    @Size(max = 32)
    public String startDate;

    @Schema(example = "2026-06-30", description = "A date not before startDate, or empty.")
    @Size(max = 32)
    public String deadline;
}
