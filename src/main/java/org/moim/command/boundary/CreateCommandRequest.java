package org.moim.command.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateCommandRequest")
public class CreateCommandRequest {
    @Schema(description = "What people type after \"/\": 1 to 32 lower-case letters, digits, '-' or '_' (a leading \"/\" is ignored).",
            example = "weather")
    @NotBlank
    @Size(max = 33)
    public String word;

    @Schema(description = "http or https; loopback, private and link-local addresses are refused as for webhooks (docs/commands.md).",
            example = "https://example.com/moim/weather")
    @NotBlank
    @Size(max = 2000)
    public String url;

    @Schema(description = "What the command does, shown in the composer's suggestions.", example = "Today's weather")
    @Size(max = 200)
    public String description;

    @Schema(description = "What to type after the word, shown in the suggestions.", example = "[city]")
    @Size(max = 100)
    public String usage;
}
