package org.moim.board.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateCardRequest", description = "A new card in a list: at the end, or right after / before a card of that list.")
public class CreateCardRequest {
    @NotNull @Size(max = 64)
    public String listId;

    @Schema(example = "Write the brief", description = "1 to 300 characters.")
    @NotNull @Size(max = 2000)
    public String title;

    @Schema(example = "Ask @[Kim Minji](0b6c3f5e-6d0e-4bb8-9c1e-2f1d1a7c9e21) for the numbers",
            description = "Markdown, up to 20,000 characters. Mentions: @[name](accountId).")
    @Size(max = 200_000)
    public String description;

    @Schema(example = "2026-03-01T09:00:00Z")
    @Size(max = 64)
    public String startAt;

    @Schema(example = "2026-03-10T17:00:00Z", description = "Not before startAt.")
    @Size(max = 64)
    public String dueAt;

    @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "People who can see the board.")
    @Size(max = 1000)
    public List<String> assigneeIds;

    @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "Labels of this board.")
    @Size(max = 1000)
    public List<String> labelIds;

    @Size(max = 64)
    public String afterCardId;

    @Size(max = 64)
    public String beforeCardId;
}
