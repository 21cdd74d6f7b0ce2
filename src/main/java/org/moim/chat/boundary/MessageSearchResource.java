package org.moim.chat.boundary;

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
import org.moim.chat.control.History;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/messages")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Chat")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MessageSearchResource {

    @Inject
    History history;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "Search messages", description = "Messages containing q (case-insensitive, 2 to 100 characters) in the "
            + "workspace's channels I read, newest first. A substring scan (LIKE): see docs/chat.md.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = MessageSearchPage.class)))
    @APIResponse(responseCode = "400", description = "q too short or too long, or a bad cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageSearchPage search(@PathParam("workspaceId") String workspaceId,
                                    @QueryParam("q") @Parameter(description = "What to look for", example = "launch") String q,
                                    @QueryParam("limit") @DefaultValue("20") @Parameter(description = "1 to 200") int limit,
                                    @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return MessageSearchPage.from(history.search(workspaceId, jwt.getSubject(), q, cursor, limit));
    }
}
