package org.moim.workspace.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.control.InviteLinks;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "InviteLinkPreview", description = "Where an invite link leads, shown on the join page before joining.")
public record InviteLinkPreview(
        String workspaceId,
        String workspaceName,
        @Schema(description = "The workspace's avatar; absent when none.") String workspaceAvatar,
        @Schema(description = "The role the link gives.") MemberRole role,
        @Schema(description = "Who made the link (display name; absent if that account is gone).") String invitedByName,
        Instant expiresAt,
        @Schema(description = "The caller is a member already: redeeming keeps their role and spends no use.") boolean alreadyMember,
        @Schema(description = "The caller's role, when a member already.") MemberRole myRole) {

    static InviteLinkPreview from(InviteLinks.Preview p) {
        return new InviteLinkPreview(p.workspace().id(), p.workspace().name(), p.workspace().avatar(), p.role(), p.inviterName(),
                p.expiresAt(), p.membership() != null, p.membership() == null ? null : p.membership().role());
    }
}
