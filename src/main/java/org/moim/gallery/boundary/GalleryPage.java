package org.moim.gallery.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.gallery.control.Gallery;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "GalleryPage", description = "One page of pictures, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record GalleryPage(List<PictureView> items, String nextCursor) {

    static GalleryPage from(Page<Gallery.Picture> page) {
        return new GalleryPage(page.items().stream().map(PictureView::from).toList(), page.nextCursor());
    }
}
