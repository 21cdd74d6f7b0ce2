package org.moim.gallery.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.gallery.control.PictureComments;

@Schema(name = "PictureComment", description = "A comment on a picture.")
public record PictureCommentView(
        String id,
        String fileId,
        @Schema(description = "Absent when the author's account is gone.") String authorId,
        String authorName,
        @Schema(description = "Markdown; mentions as @[name](accountId).") String body,
        Instant createdAt,
        @Schema(description = "After a write: people mentioned who cannot see the picture, so were not told.", type = SchemaType.ARRAY, implementation = String.class)
        List<String> mentionsNotDelivered) {

    static PictureCommentView from(PictureComments.Written written) {
        var comment = written.comment();
        return new PictureCommentView(comment.id(), comment.fileId(), comment.authorId(), written.authorName(), comment.body(),
                comment.createdAt(), List.copyOf(written.mentionsNotDelivered()));
    }
}
