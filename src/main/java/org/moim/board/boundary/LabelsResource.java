package org.moim.board.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.moim.board.control.Labels;
import org.moim.board.entity.Label;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/boards/{boardId}/labels")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Labels", description = "The labels of a board.")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such board or label that you can see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LabelsResource {

    @Inject
    Labels labels;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The board's labels")
    @APIResponse(responseCode = "200", description = "The labels", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LabelView.class)))
    public List<LabelView> list(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId) {
        return labels.list(workspaceId, boardId, jwt.getSubject()).stream().map(LabelView::from).toList();
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a label")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = LabelView.class)))
    @APIResponse(responseCode = "422", description = "Too many labels", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @Valid @NotNull LabelRequest body) {
        Label label = labels.create(workspaceId, boardId, jwt.getSubject(), body.name, body.colour);
        return Views.tagged(Response.status(Response.Status.CREATED), LabelView.from(label), label.version());
    }

    @PATCH
    @Path("{labelId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rename or recolour a label", description = "With If-Match: 409 stale-version (with the current label) if it changed.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = LabelView.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("labelId") String labelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull LabelRequest body) {
        Label label = labels.update(workspaceId, boardId, jwt.getSubject(), labelId, IfMatch.version(ifMatch), body.name, body.colour,
                LabelView::from);
        return Views.tagged(Response.ok(), LabelView.from(label), label.version());
    }

    @DELETE
    @Path("{labelId}")
    @Transactional
    @Operation(summary = "Delete a label", description = "It is taken off every card.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("boardId") String boardId,
                           @PathParam("labelId") String labelId) {
        labels.delete(workspaceId, boardId, jwt.getSubject(), labelId);
        return Response.noContent().build();
    }
}
