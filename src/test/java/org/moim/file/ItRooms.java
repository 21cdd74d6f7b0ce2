package org.moim.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.moim.file.control.AttachmentTargetType;
import org.moim.file.entity.AttachmentTarget;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;

/**
 * Test-only attachment targets that {@code FilesIT} adds to the deployed WAR, standing in for
 * boards and channels: {@code hall:<any>} is seen by every member (like a board), while
 * {@code room:<accountId>} is a private place only that account sees (like a private channel).
 */
@ApplicationScoped
public class ItRooms implements AttachmentTargetType {

    @Inject
    WorkspacePolicy workspaces;

    @Override
    public Set<String> kinds() {
        return Set.of("hall", "room");
    }

    @Override
    public AttachmentTarget scopeOf(String workspaceId, AttachmentTarget target, String accountId) {
        workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!canSee(workspaceId, target, accountId)) {
            throw new NotFound("The " + target.kind());
        }
        return target;
    }

    @Override
    public boolean canSee(String workspaceId, AttachmentTarget scope, String accountId) {
        return scope.kind().equals("hall") || scope.id().equals(accountId);
    }

    @Override
    public boolean everyMemberSees(String scopeKind) {
        return scopeKind.equals("hall");
    }
}
