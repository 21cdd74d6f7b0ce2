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
import java.util.List;
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
import org.moim.workspace.control.InviteLinks;
import org.moim.workspace.entity.InviteLink;

@Path("workspaces/{workspaceId}/invite-links")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Invite links", description = "Links that let people join a workspace.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace or link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InviteLinksResource {

    @Inject
    InviteLinks links;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The workspace's invite links", description = "Owners and managers.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = InviteLinkPage.class)))
    public InviteLinkPage list(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return InviteLinkPage.of(links.ofWorkspace(workspaceId, jwt.getSubject(), limit, cursor).map(this::view));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an invite link", description = "Owners and managers; expires in 1 to 30 days (default 7).")
    @APIResponse(responseCode = "201", description = "Made", content = @Content(schema = @Schema(implementation = InviteLinkView.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull CreateInviteLinkRequest body) {
        InviteLink link = links.create(workspaceId, jwt.getSubject(), body.role, body.expiresInDays, body.maxUses);
        return Response.status(Response.Status.CREATED).entity(view(link)).build();
    }

    @POST
    @Path("{linkId}/revoke")
    @Transactional
    @Operation(summary = "Revoke an invite link", description = "Owners and managers; revoking again is fine.")
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(schema = @Schema(implementation = InviteLinkView.class)))
    public InviteLinkView revoke(@PathParam("workspaceId") String workspaceId, @PathParam("linkId") String linkId) {
        return view(links.revoke(workspaceId, jwt.getSubject(), linkId));
    }

    private InviteLinkView view(InviteLink link) {
        return InviteLinkView.from(link, links.token(link));
    }
}
