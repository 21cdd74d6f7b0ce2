package org.moim.board.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CommentRequest", description = "A comment in Markdown, up to 5,000 characters; mentions: @[name](accountId).")
public class CommentRequest {
    @Schema(example = "Done, @[Lee Jun](5f0c1b7e-9a53-4f7e-8d0a-3c2b1e4d5f60) please review")
    @NotNull @Size(max = 100_000)
    public String body;
}
