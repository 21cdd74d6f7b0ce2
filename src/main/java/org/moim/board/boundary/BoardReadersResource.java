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
import org.moim.board.control.BoardReaders;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/readers")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Board members")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BoardReadersResource {

    @Inject
    BoardReaders readers;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(operationId = "boardMembersReaders", summary = "Who can read the board", description = "Everyone a mention in a card description or comment would notify "
            + "(the mention picker's list), by name, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of readers", content = @Content(schema = @Schema(implementation = PersonView.PageView.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor the API did not give out (/problems/validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonView.PageView list(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return PersonView.PageView.from(readers.page(workspaceId, boardId, jwt.getSubject(), limit, cursor));
    }
}
