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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.IfMatch;
import org.moim.board.control.Comments;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/cards/{cardId}/comments")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Comments", description = "Comments on cards, in Markdown, with @[name](accountId) mentions.")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this, or not your comment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board, card or comment that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CommentsResource {

    @Inject
    Comments comments;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "A card's comments", description = "Oldest first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = CommentPage.class)))
    public CommentPage list(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                            @PathParam("cardId") String cardId,
                            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                            @QueryParam("cursor") String cursor) {
        return CommentPage.from(comments.page(workspaceId, boardId, jwt.getSubject(), cardId, limit, cursor));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a card", description = "People mentioned who can see the board are notified.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = CommentView.class)))
    public Response add(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                        @PathParam("cardId") String cardId, @Valid @NotNull CommentRequest body) {
        CommentView view = CommentView.from(comments.add(workspaceId, boardId, jwt.getSubject(), cardId, body.body));
        return Views.tagged(Response.status(Response.Status.CREATED), view, view.version());
    }

    @PATCH
    @Path("{commentId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Edit your comment", description = "Only the author. Newly mentioned people are notified. With If-Match: 409 "
            + "stale-version (with the current comment) if it changed.")
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edit(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                         @PathParam("cardId") String cardId, @PathParam("commentId") String commentId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CommentRequest body) {
        CommentView view = CommentView.from(comments.edit(workspaceId, boardId, jwt.getSubject(), cardId, commentId,
                IfMatch.version(ifMatch), body.body, CommentView::from));
        return Views.tagged(Response.ok(), view, view.version());
    }

    @DELETE
    @Path("{commentId}")
    @Transactional
    @Operation(summary = "Delete a comment", description = "The author, or workspace owners and managers.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("cardId") String cardId, @PathParam("commentId") String commentId) {
        comments.delete(workspaceId, boardId, jwt.getSubject(), cardId, commentId);
        return Response.noContent().build();
    }
}
