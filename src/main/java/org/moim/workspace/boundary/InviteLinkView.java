package org.moim.workspace.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.entity.InviteLink;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "InviteLink", description = "An invite link; share the token (POST /invite-links/redeem).")
public record InviteLinkView(
        String id,
        MemberRole role,
        String token,
        Instant expiresAt,
        @Schema(description = "Absent: unlimited.") Integer maxUses,
        int uses,
        Instant createdAt,
        Instant revokedAt) {

    static InviteLinkView from(InviteLink link, String token) {
        return new InviteLinkView(link.id(), link.role(), token, link.expiresAt(), link.maxUses(), link.uses(),
                link.createdAt(), link.revokedAt());
    }
}
