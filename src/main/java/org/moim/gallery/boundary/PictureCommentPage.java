package org.moim.gallery.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.gallery.control.PictureComments;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "PictureCommentPage", description = "One page of a picture's comments, oldest first; nextCursor is null on the last page.")
public record PictureCommentPage(List<PictureCommentView> items, String nextCursor) {

    static PictureCommentPage from(Page<PictureComments.Written> page) {
        return new PictureCommentPage(page.items().stream().map(PictureCommentView::from).toList(), page.nextCursor());
    }
}
