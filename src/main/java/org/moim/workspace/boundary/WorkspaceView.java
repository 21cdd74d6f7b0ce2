package org.moim.workspace.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

@Schema(name = "Workspace", description = "A workspace as the caller sees it, with the caller's role in it.")
public record WorkspaceView(
        String id,
        String name,
        String description,
        @Schema(description = "A short URL-safe string or an emoji; absent when none.") String avatar,
        MemberRole myRole,
        @Schema(description = "The version for If-Match (also sent as the ETag).") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Only on deleted workspaces (GET /workspaces?deleted=true).") Instant deletedAt) {

    static WorkspaceView from(Membership membership) {
        Workspace w = membership.workspace();
        return new WorkspaceView(w.id(), w.name(), w.description(), w.avatar(), membership.role(), w.version(),
                w.createdAt(), w.updatedAt(), w.deletedAt());
    }
}
