package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.Comments;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "CommentPage", description = "One page of comments, oldest first; nextCursor is null on the last page.")
public record CommentPage(List<CommentView> items, String nextCursor) {

    static CommentPage from(Page<Comments.Written> page) {
        return new CommentPage(page.items().stream().map(CommentView::from).toList(), page.nextCursor());
    }
}
