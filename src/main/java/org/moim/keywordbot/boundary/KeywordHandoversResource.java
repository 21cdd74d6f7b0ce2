package org.moim.keywordbot.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.keywordbot.control.Handovers;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

/** "Talk to a person": what a responder opens from the notification, and "Take it". Taking is chatting (chat:write). */
@Path("workspaces/{workspaceId}/keyword-bot/handovers/{handoverId}")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Keyword bot")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Neither a responder nor an owner or manager", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours, or no such handover in it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class KeywordHandoversResource {

    @Inject
    Handovers handovers;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(operationId = "getKeywordHandover", summary = "A handover", description = "Who asked, and who took it.")
    @APIResponse(responseCode = "200", description = "The handover", content = @Content(schema = @Schema(implementation = HandoverView.class)))
    public HandoverView get(@PathParam("workspaceId") String workspaceId, @PathParam("handoverId") String handoverId) {
        return HandoverView.from(handovers.get(workspaceId, handoverId, jwt.getSubject()));
    }

    @POST
    @Path("take")
    @Transactional
    @Operation(operationId = "takeKeywordHandover", summary = "Take it", description = "The bot says \"Taken by …\" in the thread and is silent "
            + "there from then on. Taking it again yourself answers the same.")
    @APIResponse(responseCode = "200", description = "Taken", content = @Content(schema = @Schema(implementation = HandoverView.class)))
    @APIResponse(responseCode = "409", description = "Someone else took it (handover-taken)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HandoverView take(@PathParam("workspaceId") String workspaceId, @PathParam("handoverId") String handoverId) {
        return HandoverView.from(handovers.take(workspaceId, handoverId, jwt.getSubject()));
    }
}
