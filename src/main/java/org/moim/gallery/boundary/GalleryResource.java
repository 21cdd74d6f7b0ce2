package org.moim.gallery.boundary;

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
import org.moim.gallery.control.Gallery;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/gallery")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Gallery", description = "A workspace's pictures, with comments and reactions. See docs/gallery.md.")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace, board or channel of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class GalleryResource {

    @Inject
    Gallery gallery;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The gallery", description = "The images the caller may see (as the file browser decides), newest first, "
            + "keyset-paginated, each with its comment count and reactions. A fixed number of statements for any page.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = GalleryPage.class)))
    public GalleryPage page(@PathParam("workspaceId") String workspaceId,
                            @QueryParam("target") @Parameter(description = "board:<id> or channel:<id> (including its cards' or messages' pictures)") String target,
                            @QueryParam("limit") @DefaultValue("60") @Parameter(description = "1 to 200") int limit,
                            @QueryParam("cursor") String cursor) {
        return GalleryPage.from(gallery.page(workspaceId, jwt.getSubject(), target, limit, cursor));
    }
}
