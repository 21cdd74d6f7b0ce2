package org.moim.board.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.IfMatch;
import org.moim.board.control.Checklists;
import org.moim.board.entity.ChecklistItem;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/cards/{cardId}/checklist")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Cards")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board, card or item that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ChecklistResource {

    @Inject
    Checklists checklists;

    @Inject
    JsonWebToken jwt;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a checklist item", description = "At the end of the card's checklist.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ChecklistItemView.class)))
    @APIResponse(responseCode = "422", description = "Too many items", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                        @PathParam("cardId") String cardId, @Valid @NotNull ChecklistItemRequest body) {
        ChecklistItem item = checklists.add(workspaceId, boardId, jwt.getSubject(), cardId, body.content);
        return Views.tagged(Response.status(Response.Status.CREATED), ChecklistItemView.from(item), item.version());
    }

    @PATCH
    @Path("{itemId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "cardsUpdateChecklistItem", summary = "Change a checklist item", description = "Text, done, and/or position (0 = first). With If-Match: 409 "
            + "stale-version (with the current item) if it changed.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ChecklistItemView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("cardId") String cardId, @PathParam("itemId") String itemId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ChecklistItemRequest body) {
        ChecklistItem item = checklists.update(workspaceId, boardId, jwt.getSubject(), cardId, itemId, IfMatch.version(ifMatch),
                body.content, body.done, body.position, ChecklistItemView::from);
        return Views.tagged(Response.ok(), ChecklistItemView.from(item), item.version());
    }

    @DELETE
    @Path("{itemId}")
    @Transactional
    @Operation(summary = "Remove a checklist item")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("cardId") String cardId, @PathParam("itemId") String itemId) {
        checklists.remove(workspaceId, boardId, jwt.getSubject(), cardId, itemId);
        return Response.noContent().build();
    }
}
