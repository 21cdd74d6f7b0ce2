package org.moim.workspace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.workspace.control.Invitations;

@Path("me/invitations")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Invitations", description = "Invitations by email: nobody joins without accepting.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such invitation to me", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MyInvitationsResource {

    @Inject
    Invitations invitations;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(operationId = "invitationsMine", summary = "Pending invitations to my email address")
    @APIResponse(responseCode = "200", description = "A page of invitations, newest first", content = @Content(schema = @Schema(implementation = InvitationPage.class)))
    public InvitationPage list(@QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                               @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return InvitationPage.of(invitations.mine(jwt.getSubject(), limit, cursor).map(p -> InvitationView.from(p.invitation(), p.inviterName())));
    }

    @POST
    @Path("{invitationId}/accept")
    @Transactional
    @Operation(summary = "Accept: join the workspace", description = "Accepting again answers the same membership.")
    @APIResponse(responseCode = "200", description = "Joined", content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "409", description = "Declined or revoked already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkspaceView accept(@PathParam("invitationId") String invitationId) {
        return WorkspaceView.from(invitations.accept(jwt.getSubject(), invitationId));
    }

    @POST
    @Path("{invitationId}/decline")
    @Transactional
    @Operation(summary = "Decline", description = "Declining again is fine.")
    @APIResponse(responseCode = "204", description = "Declined")
    @APIResponse(responseCode = "409", description = "Accepted or revoked already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decline(@PathParam("invitationId") String invitationId) {
        invitations.decline(jwt.getSubject(), invitationId);
        return Response.noContent().build();
    }
}
