package org.moim.command.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RunCommandRequest")
public class RunCommandRequest {
    @Schema(description = "What was typed: \"/word\" and the text after it.", example = "/weather Seoul")
    @NotNull
    @Size(min = 2, max = 4000)
    public String text;
}
