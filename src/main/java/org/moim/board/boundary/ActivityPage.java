package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.ActivityLog;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "ActivityPage", description = "One page of a board's activity, newest first; nextCursor is null on the last page.")
public record ActivityPage(List<ActivityView> items, String nextCursor) {

    static ActivityPage from(Page<ActivityLog.Entry> page) {
        return new ActivityPage(page.items().stream().map(ActivityView::from).toList(), page.nextCursor());
    }
}
