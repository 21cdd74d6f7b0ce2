package org.moim.chat.boundary;

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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.chat.control.WorkspaceChannels;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

/** Creating and browsing a workspace's named channels. */
@Path("workspaces/{workspaceId}/channels")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Chat")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A guest (channel actions: docs/permissions.md)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WorkspaceChannelsResource {

    @Inject
    WorkspaceChannels channels;

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("browse")
    @Transactional
    @Operation(summary = "The workspace's public channels", description = "By name (case folded), a page at a time; archived "
            + "ones too (archivedAt). Private channels are never listed.")
    @APIResponse(responseCode = "200", description = "A page of public channels",
            content = @Content(schema = @Schema(implementation = BrowsedChannelView.PageView.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor the API did not give out (/problems/validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BrowsedChannelView.PageView browse(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return BrowsedChannelView.PageView.from(channels.browse(workspaceId, jwt.getSubject(), limit, cursor));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a channel", description = "Public or private; the creator and memberIds are its first members.")
    @APIResponse(responseCode = "201", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "A name that is empty, too long, has control characters or is taken "
            + "(/problems/validation, field name); topic or description too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "memberIds names someone outside the workspace (/problems/invitee-not-in-workspace)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull CreateChannelRequest body) {
        ChannelView created = ChannelView.from(channels.create(workspaceId, jwt.getSubject(), body.name, body.topic, body.description,
                body.isPrivate, body.memberIds));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
