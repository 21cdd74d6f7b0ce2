package org.moim.search.boundary;

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
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.search.control.Search;
import org.moim.search.control.SearchKind;

@Path("workspaces/{workspaceId}/search")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Search")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SearchResource {

    @Inject
    Search search;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "Search the workspace", description = "Messages, cards (title, description, comments), files (name), people "
            + "(name, email) and boards (name) containing q, case-insensitive, any part of a word (Korean too), only what I may "
            + "see. A page per kind, newest first; to read on, ask for that one kind with its nextCursor. See docs/search.md.")
    @APIResponse(responseCode = "200", description = "A page per kind asked for", content = @Content(schema = @Schema(implementation = SearchResultsView.class)))
    @APIResponse(responseCode = "400", description = "q shorter than 2 or longer than 100 characters, an unknown kind, a bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResultsView search(@PathParam("workspaceId") String workspaceId,
                                    @QueryParam("q") @Parameter(description = "What to look for: 2 to 100 characters, taken literally", example = "회의") String q,
                                    @QueryParam("kinds") @Parameter(description = "Comma-separated: messages, cards, files, people, boards (default: all)") String kinds,
                                    @QueryParam("limit") @DefaultValue("5") @Parameter(description = "Per kind, 1 to 50") int limit,
                                    @QueryParam("cursor") @Parameter(description = "nextCursor of a kind's previous page (with exactly that one kind)") String cursor) {
        return SearchResultsView.from(search.search(workspaceId, jwt.getSubject(), q, SearchKind.parse(kinds), cursor, limit));
    }
}
