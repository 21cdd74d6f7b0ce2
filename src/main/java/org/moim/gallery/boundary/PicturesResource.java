package org.moim.gallery.boundary;

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
import jakarta.ws.rs.POST;
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
import org.moim.gallery.control.Gallery;
import org.moim.gallery.control.PictureComments;
import org.moim.gallery.control.PictureReactions;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("pictures/{fileId}")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Gallery")
@APIResponse(responseCode = "400", description = "Invalid field (an unknown reaction code, an over-long comment)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such picture that you can see (also: deleted, or not an image)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Too many comments or reactions in a minute", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PicturesResource {

    @Inject
    Gallery gallery;

    @Inject
    PictureComments comments;

    @Inject
    PictureReactions reactions;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "One picture", description = "As in the gallery's pages.")
    @APIResponse(responseCode = "200", description = "The picture", content = @Content(schema = @Schema(implementation = PictureView.class)))
    public PictureView picture(@PathParam("fileId") String fileId) {
        return PictureView.from(gallery.picture(fileId, jwt.getSubject()));
    }

    @GET
    @Path("comments")
    @Transactional
    @Operation(summary = "A picture's comments", description = "Oldest first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = PictureCommentPage.class)))
    public PictureCommentPage comments(@PathParam("fileId") String fileId,
                                       @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                                       @QueryParam("cursor") String cursor) {
        return PictureCommentPage.from(comments.page(fileId, jwt.getSubject(), limit, cursor));
    }

    @POST
    @Path("comments")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a picture", description = "The uploader is notified; so are people mentioned who can see the picture.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = PictureCommentView.class)))
    public Response comment(@PathParam("fileId") String fileId, @Valid @NotNull PictureCommentRequest body) {
        return Response.status(Response.Status.CREATED).entity(PictureCommentView.from(comments.add(fileId, jwt.getSubject(), body.body))).build();
    }

    @DELETE
    @Path("comments/{commentId}")
    @Transactional
    @Operation(summary = "Delete a comment", description = "Its author, or workspace owners and managers.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not your comment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deleteComment(@PathParam("fileId") String fileId, @PathParam("commentId") String commentId) {
        comments.delete(fileId, jwt.getSubject(), commentId);
        return Response.noContent().build();
    }

    @PUT
    @Path("reactions/{code}")
    @Transactional
    @Operation(summary = "React to a picture", description = "like, love, laugh, wow, sad or clap; twice changes nothing. The uploader is notified.")
    @APIResponse(responseCode = "200", description = "The picture with its reactions", content = @Content(schema = @Schema(implementation = PictureView.class)))
    public PictureView react(@PathParam("fileId") String fileId, @PathParam("code") String code) {
        reactions.react(fileId, jwt.getSubject(), code, true);
        return PictureView.from(gallery.picture(fileId, jwt.getSubject()));
    }

    @DELETE
    @Path("reactions/{code}")
    @Transactional
    @Operation(summary = "Take back a reaction", description = "Twice changes nothing.")
    @APIResponse(responseCode = "200", description = "The picture with its reactions", content = @Content(schema = @Schema(implementation = PictureView.class)))
    public PictureView unreact(@PathParam("fileId") String fileId, @PathParam("code") String code) {
        reactions.react(fileId, jwt.getSubject(), code, false);
        return PictureView.from(gallery.picture(fileId, jwt.getSubject()));
    }
}
