package org.moim.board.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MoveCardRequest", description = "Where the card goes: into listId (default: its own list), right after afterCardId, "
        + "else right before beforeCardId, else to the end of the list.")
public class MoveCardRequest {
    @Size(max = 64)
    public String listId;

    @Size(max = 64)
    public String afterCardId;

    @Size(max = 64)
    public String beforeCardId;
}
