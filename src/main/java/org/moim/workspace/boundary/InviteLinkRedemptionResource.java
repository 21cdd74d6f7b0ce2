package org.moim.workspace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.workspace.control.InviteLinks;

@Path("invite-links")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Invite links", description = "Links that let people join a workspace.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InviteLinkRedemptionResource {

    @Inject
    InviteLinks links;

    @Inject
    JsonWebToken jwt;

    @POST
    @Path("preview")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where an invite link leads, before joining",
            description = "The workspace, who made the link, and whether the caller is a member already. Changes nothing; "
                    + "answers the problems redeeming would (the token travels in the body, never in a URL).")
    @APIResponse(responseCode = "200", description = "The link is usable", content = @Content(schema = @Schema(implementation = InviteLinkPreview.class)))
    @APIResponse(responseCode = "400", description = "Not a valid invite link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Expired, used up or revoked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InviteLinkPreview preview(@Valid @NotNull RedeemInviteLinkRequest body) {
        return InviteLinkPreview.from(links.preview(jwt.getSubject(), body.token));
    }

    @POST
    @Path("redeem")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join a workspace with an invite link", description = "A member already keeps their role and spends no use.")
    @APIResponse(responseCode = "200", description = "Joined", content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "400", description = "Not a valid invite link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Expired, used up or revoked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkspaceView redeem(@Valid @NotNull RedeemInviteLinkRequest body) {
        return WorkspaceView.from(links.redeem(jwt.getSubject(), body.token));
    }
}
