package org.moim.chat.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MarkReadRequest")
public class MarkReadRequest {
    @NotNull
    @PositiveOrZero
    @Schema(description = "Read up to this sequence (a greater marker stays).", example = "42")
    public Long sequence;
}
