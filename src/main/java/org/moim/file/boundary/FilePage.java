package org.moim.file.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.file.entity.StoredFile;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "FilePage", description = "One page of files; pass nextCursor as ?cursor= (with the same sort) for the next one (null on the last page).")
public record FilePage(List<FileView> items, String nextCursor) {

    static FilePage from(Page<StoredFile> page) {
        return new FilePage(page.items().stream().map(FileView::from).toList(), page.nextCursor());
    }
}
