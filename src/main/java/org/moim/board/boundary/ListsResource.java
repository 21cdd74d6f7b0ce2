package org.moim.board.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.IfMatch;
import org.moim.board.control.BoardLists;
import org.moim.board.entity.BoardList;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/lists")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Lists", description = "The columns of a board, in order.")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board or list that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ListsResource {

    @Inject
    BoardLists lists;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The board's lists in order", description = "The live ones, or with archived=true the archived ones.")
    @APIResponse(responseCode = "200", description = "The lists", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ListView.class)))
    public List<ListView> list(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                               @QueryParam("archived") @DefaultValue("false") boolean archived) {
        return lists.list(workspaceId, boardId, jwt.getSubject(), archived).stream().map(ListView::from).toList();
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a list", description = "At the end, or right after afterListId / before beforeListId.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ListView.class)))
    @APIResponse(responseCode = "422", description = "Too many lists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @Valid @NotNull CreateListRequest body) {
        BoardList list = lists.create(workspaceId, boardId, jwt.getSubject(), body.name, body.afterListId, body.beforeListId);
        return Views.tagged(Response.created(URI.create("/" + MoimApi.PATH + "/workspaces/" + workspaceId + "/boards/" + boardId
                + "/lists/" + list.id())), ListView.from(list), list.version());
    }

    @PATCH
    @Path("{listId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rename or (un)archive a list", description = "With If-Match: 409 stale-version (with the current list) if it changed.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ListView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("listId") String listId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateListRequest body) {
        BoardList list = lists.update(workspaceId, boardId, jwt.getSubject(), listId, IfMatch.version(ifMatch), body.name, body.archived,
                ListView::from);
        return Views.tagged(Response.ok(), ListView.from(list), list.version());
    }

    @POST
    @Path("{listId}/move")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a list", description = "Right after afterListId, else right before beforeListId, else to the end; "
            + "computed under the board's lock, so concurrent moves apply one after the other.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = ListView.class)))
    public Response move(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                         @PathParam("listId") String listId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull MoveListRequest body) {
        BoardList list = lists.move(workspaceId, boardId, jwt.getSubject(), listId, IfMatch.version(ifMatch), body.afterListId,
                body.beforeListId, ListView::from);
        return Views.tagged(Response.ok(), ListView.from(list), list.version());
    }
}
