package org.moim.workspace.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.entity.Invitation;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "Invitation", description = "An invitation by email and where it stands.")
public record InvitationView(
        String id,
        String workspaceId,
        String workspaceName,
        String email,
        MemberRole role,
        @Schema(enumeration = {"PENDING", "ACCEPTED", "DECLINED", "REVOKED"}) String status,
        Instant invitedAt,
        @Schema(description = "When it was accepted, declined or revoked.") Instant answeredAt,
        @Schema(description = "Who sent it (account id).") String invitedById,
        @Schema(description = "Who sent it (display name); only in my pending invitations.") String invitedByName) {

    static InvitationView from(Invitation invitation) {
        return from(invitation, null);
    }

    static InvitationView from(Invitation invitation, String inviterName) {
        return new InvitationView(invitation.id(), invitation.workspace().id(), invitation.workspace().name(), invitation.email(),
                invitation.role(), invitation.status().name(), invitation.createdAt(), invitation.answeredAt(),
                invitation.invitedBy(), inviterName);
    }
}
