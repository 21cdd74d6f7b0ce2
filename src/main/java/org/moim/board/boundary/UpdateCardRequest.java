package org.moim.board.boundary;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateCardRequest", description = "Only the members present change; an empty startAt or dueAt clears it; "
        + "assigneeIds and labelIds replace the whole set.")
public class UpdateCardRequest {
    @Schema(example = "Write the brief (v2)")
    @Size(max = 2000)
    public String title;

    @Size(max = 200_000)
    public String description;

    @Schema(example = "")
    @Size(max = 64)
    public String startAt;

    @Schema(example = "2026-03-12T17:00:00Z")
    @Size(max = 64)
    public String dueAt;

    public Boolean archived;

    @Size(max = 1000)
    public List<String> assigneeIds;

    @Size(max = 1000)
    public List<String> labelIds;
}
