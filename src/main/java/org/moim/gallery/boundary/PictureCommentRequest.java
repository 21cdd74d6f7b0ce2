package org.moim.gallery.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PictureCommentRequest", description = "A comment in Markdown, up to moim.gallery.comment-max-length characters (2,000); mentions: @[name](accountId).")
public class PictureCommentRequest {
    @Schema(example = "Lovely light, @[Lee Jun](5f0c1b7e-9a53-4f7e-8d0a-3c2b1e4d5f60)")
    @NotNull @Size(max = 100_000)
    public String body;
}
