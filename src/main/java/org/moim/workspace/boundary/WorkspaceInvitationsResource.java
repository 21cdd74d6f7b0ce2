package org.moim.workspace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.web.AppUrls;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.workspace.control.Invitations;

@Path("workspaces/{workspaceId}/invitations")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Invitations", description = "Invitations by email: nobody joins without accepting.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace or invitation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WorkspaceInvitationsResource {

    @Inject
    Invitations invitations;

    @Inject
    JsonWebToken jwt;

    @Inject
    @ConfigProperty(name = "moim.mail.public-url")
    Optional<String> publicUrl;

    @Context
    UriInfo uri;

    @GET
    @Transactional
    @Operation(summary = "The workspace's invitations and their outcome", description = "Owners and managers.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = InvitationPage.class)))
    public InvitationPage list(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return InvitationPage.of(invitations.ofWorkspace(workspaceId, jwt.getSubject(), limit, cursor).map(InvitationView::from));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite an email address", description = "Owners and managers. The address gets a mail with a link to the invitation. Inviting an address that has a pending "
            + "invitation answers that invitation (200) instead of making another.")
    @APIResponse(responseCode = "201", description = "Invited", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "200", description = "Already invited: the pending invitation", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "Already a member (already-member), or this server sends no mail (mail-disabled)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response invite(@PathParam("workspaceId") String workspaceId, @Valid @NotNull InviteRequest body) {
        Invitations.Invited invited = invitations.invite(workspaceId, jwt.getSubject(), body.email, body.role, AppUrls.root(publicUrl, uri));
        return Response.status(invited.isNew() ? Response.Status.CREATED : Response.Status.OK)
                .entity(InvitationView.from(invited.invitation())).build();
    }

    @POST
    @Path("{invitationId}/revoke")
    @Transactional
    @Operation(summary = "Revoke a pending invitation", description = "Owners and managers; revoking again is fine.")
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "Accepted or declined already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InvitationView revoke(@PathParam("workspaceId") String workspaceId, @PathParam("invitationId") String invitationId) {
        return InvitationView.from(invitations.revoke(workspaceId, jwt.getSubject(), invitationId));
    }
}
