package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.Comments;
import org.moim.board.entity.Comment;

@JsonbNillable
@Schema(name = "Comment", description = "A comment on a card (Markdown; render it safely).")
public record CommentView(String id, String cardId, String authorId, @Schema(example = "Kim Minji") String authorName,
                          @Schema(example = "Done, @[Lee Jun](5f0c1b7e-9a53-4f7e-8d0a-3c2b1e4d5f60) please review") String body,
                          Instant createdAt, @Schema(description = "When it was last edited; null if never.") Instant editedAt,
                          long version,
                          @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "In the answer to adding or editing it: the account ids it newly mentions who were "
                                  + "not notified because they cannot read the board (tell the writer). Empty otherwise.")
                          List<String> mentionsNotDelivered) {

    static CommentView from(Comments.Written written) {
        Comment c = written.comment();
        return new CommentView(c.id(), c.card().id(), c.authorId(), written.authorName(), c.body(), c.createdAt(), c.editedAt(), c.version(),
                List.copyOf(written.mentionsNotDelivered()));
    }
}
