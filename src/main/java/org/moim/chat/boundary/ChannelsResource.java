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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.chat.control.Channels;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/channels")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Chat", description = "Channels, history, read markers and search. Live messages: docs/realtime-protocol.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace, board or channel of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ChannelsResource {

    @Inject
    Channels channels;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "My channels in a workspace, with unread counts",
            description = "The direct conversations I am in, the channels of the boards I see (once opened) and the workspace "
                    + "channels I am in, oldest first, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of channels", content = @Content(schema = @Schema(implementation = ChannelView.PageView.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor the API did not give out (/problems/validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChannelView.PageView list(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return ChannelView.PageView.from(channels.page(workspaceId, jwt.getSubject(), limit, cursor));
    }

    @POST
    @Path("direct")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a direct conversation", description = "With 1 to 7 other members of the workspace; the same people "
            + "always get the same channel (created on first use). Guests cannot start one (403).")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "Not 1 to 7 members of the workspace", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A guest", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChannelView openDirect(@PathParam("workspaceId") String workspaceId, @Valid @NotNull OpenDirectChannelRequest body) {
        return ChannelView.from(channels.openDirect(workspaceId, jwt.getSubject(), body.accountIds));
    }

    @GET
    @Path("boards/{boardId}")
    @Transactional
    @Operation(summary = "A board's channel", description = "Everyone who sees the board reads its channel; created on first use.")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    public ChannelView board(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId) {
        return ChannelView.from(channels.forBoard(workspaceId, boardId, jwt.getSubject()));
    }
}
