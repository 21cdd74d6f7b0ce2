package org.moim.workspace.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;
import org.moim.workspace.entity.Membership;

@JsonbNillable
@Schema(name = "WorkspacePage", description = "One page of workspaces; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record WorkspacePage(List<WorkspaceView> items, String nextCursor) {

    static WorkspacePage from(Page<Membership> page) {
        return new WorkspacePage(page.items().stream().map(WorkspaceView::from).toList(), page.nextCursor());
    }
}
