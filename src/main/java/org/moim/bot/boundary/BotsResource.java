package org.moim.bot.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.moim.bot.control.Bots;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

/** A workspace's bots: owners and managers make, list and remove them (MANAGE_BOTS). */
@Path("workspaces/{workspaceId}/bots")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Bots", description = "Workspace bots and their tokens; see docs/tokens.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an owner or manager", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace (or bot) of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BotsResource {

    @Inject
    Bots bots;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(operationId = "listBots", summary = "The workspace's bots", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "A page of bots", content = @Content(schema = @Schema(implementation = BotView.PageView.class)))
    public BotView.PageView list(@PathParam("workspaceId") String workspaceId,
                                 @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                                 @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return BotView.PageView.from(bots.page(workspaceId, jwt.getSubject(), limit, cursor));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createBot", summary = "Make a bot", description = "It joins the workspace as a MEMBER.")
    @APIResponse(responseCode = "201", description = "Made", content = @Content(schema = @Schema(implementation = BotView.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @NotNull CreateBotRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(BotView.from(bots.create(workspaceId, jwt.getSubject(), body.name, body.avatar))).build();
    }

    @DELETE
    @Path("{botId}")
    @Transactional
    @Operation(operationId = "removeBot", summary = "Remove a bot", description = "Its tokens stop at once; its messages stay.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("workspaceId") String workspaceId, @PathParam("botId") String botId) {
        bots.remove(workspaceId, jwt.getSubject(), botId);
        return Response.noContent().build();
    }
}
