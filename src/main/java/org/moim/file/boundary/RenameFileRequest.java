package org.moim.file.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RenameFileRequest")
public class RenameFileRequest {
    @Schema(description = "1 to 255 characters; no / or \\, no control characters.", example = "report-final.pdf")
    @NotNull
    @Size(max = 1024)
    public String name;
}
