package org.moim.board.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MoveListRequest", description = "Where the list goes: right after afterListId, else right before beforeListId, else to the end.")
public class MoveListRequest {
    @Size(max = 64)
    public String afterListId;

    @Size(max = 64)
    public String beforeListId;
}
