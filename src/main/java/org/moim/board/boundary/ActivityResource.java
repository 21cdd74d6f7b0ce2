package org.moim.board.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.moim.board.control.ActivityLog;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/activity")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Activity", description = "Who changed what on a board, and when.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActivityResource {

    @Inject
    ActivityLog activity;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The board's activity", description = "Newest first, keyset-paginated; cardId narrows it to one card.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = ActivityPage.class)))
    public ActivityPage list(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                             @QueryParam("cardId") String cardId,
                             @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                             @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return ActivityPage.from(activity.page(workspaceId, boardId, jwt.getSubject(), cardId, limit, cursor));
    }
}
