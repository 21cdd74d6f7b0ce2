package org.moim.board.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.moim.board.control.BoardMembers;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/members")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Board members", description = "People added to a board by name; the only way a workspace guest gets onto a board.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BoardMembersResource {

    @Inject
    BoardMembers members;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The board's members", description = "In the order they were added, with their workspace roles, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of members", content = @Content(schema = @Schema(implementation = BoardMemberView.PageView.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor the API did not give out (/problems/validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BoardMemberView.PageView list(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return BoardMemberView.PageView.from(members.page(workspaceId, boardId, jwt.getSubject(), limit, cursor));
    }

    @PUT
    @Path("{accountId}")
    @Transactional
    @Operation(summary = "Add a member of the workspace to the board", description = "Owners and managers. Idempotent.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = BoardMemberView.class)))
    @APIResponse(responseCode = "200", description = "Was a member already", content = @Content(schema = @Schema(implementation = BoardMemberView.class)))
    @APIResponse(responseCode = "400", description = "Not a member of the workspace", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                        @PathParam("accountId") String accountId) {
        BoardMembers.Added added = members.add(workspaceId, boardId, jwt.getSubject(), accountId);
        return Response.status(added.isNew() ? Response.Status.CREATED : Response.Status.OK)
                .entity(BoardMemberView.from(added.member())).build();
    }

    @DELETE
    @Path("{accountId}")
    @Transactional
    @Operation(summary = "Take someone off the board", description = "Owners and managers. A guest taken off no longer sees the board.")
    @APIResponse(responseCode = "204", description = "Not on the board (any more)")
    public Response remove(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("accountId") String accountId) {
        members.remove(workspaceId, boardId, jwt.getSubject(), accountId);
        return Response.noContent().build();
    }
}
