package org.moim.command.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateCommandRequest", description = "Only the fields given change; a blank description or usage removes it. The word never changes.")
public class UpdateCommandRequest {
    @Size(max = 2000)
    public String url;

    @Size(max = 200)
    public String description;

    @Size(max = 100)
    public String usage;
}
