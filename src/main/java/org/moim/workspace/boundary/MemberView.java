package org.moim.workspace.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

@Schema(name = "Member", description = "Someone in a workspace.")
public record MemberView(String accountId, String displayName, String email, MemberRole role, Instant joinedAt,
                         @Schema(description = "A workspace's bot (docs/tokens.md).") boolean bot) {

    static MemberView from(Membership membership) {
        return new MemberView(membership.account().id(), membership.account().displayName(), membership.account().email(),
                membership.role(), membership.joinedAt(), membership.account().isBot());
    }
}
