package org.moim.board.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.IfMatch;
import org.moim.board.control.BoardViews;
import org.moim.board.control.Boards;
import org.moim.board.control.Boards.BoardChanges;
import org.moim.board.entity.Board;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Boards", description = "Kanban boards of a workspace. Shapes and rules: docs/boards.md; permissions: docs/permissions.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace or board that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BoardsResource {

    @Inject
    Boards boards;

    @Inject
    BoardViews views;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The boards I can see in a workspace", description = "Newest first, keyset-paginated, each with its number of "
            + "open cards. Guests see only the boards they were added to. archived=true lists the archived boards instead.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = BoardPage.class)))
    public BoardPage list(@PathParam("workspaceId") String workspaceId,
                          @QueryParam("archived") @DefaultValue("false") boolean archived,
                          @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                          @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return BoardPage.from(boards.page(workspaceId, jwt.getSubject(), archived, limit, cursor));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a board")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = BoardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull CreateBoardRequest body) {
        Board board = boards.create(workspaceId, jwt.getSubject(),
                new BoardChanges(body.name, body.description, body.colour, body.startDate, body.deadline, null));
        return Views.tagged(Response.created(URI.create("/" + MoimApi.PATH + "/workspaces/" + workspaceId + "/boards/" + board.id())),
                BoardView.from(board), board.version());
    }

    @GET
    @Path("{boardId}")
    @Transactional
    @Operation(summary = "The board view", description = "The board with its live lists and their live cards in order (assignees, "
            + "label ids, comment counts, checklist progress), its members and labels: one request, a constant number of SQL "
            + "statements. The ETag is the board's own version (for If-Match on PATCH).")
    @APIResponse(responseCode = "200", description = "The board", content = @Content(schema = @Schema(implementation = BoardDetailView.class)))
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId) {
        BoardDetailView view = BoardDetailView.from(views.view(workspaceId, boardId, jwt.getSubject()));
        return Views.tagged(Response.ok(), view, view.version());
    }

    @PATCH
    @Path("{boardId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a board", description = "Name, description, colour, dates, archived. With If-Match: 409 stale-version "
            + "(with the current board in 'current') if it changed since you read it.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = BoardView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull UpdateBoardRequest body) {
        Board board = boards.update(workspaceId, boardId, jwt.getSubject(), IfMatch.version(ifMatch),
                new BoardChanges(body.name, body.description, body.colour, body.startDate, body.deadline, body.archived), BoardView::from);
        return Views.tagged(Response.ok(), BoardView.from(board), board.version());
    }

    @DELETE
    @Path("{boardId}")
    @Transactional
    @Operation(summary = "Delete a board", description = "With all its lists, cards, comments and activity. Owners and managers.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId) {
        boards.delete(workspaceId, boardId, jwt.getSubject());
        return Response.noContent().build();
    }
}
