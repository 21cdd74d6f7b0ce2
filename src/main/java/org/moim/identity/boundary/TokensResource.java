package org.moim.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.PersonalAccessTokens;
import org.moim.identity.control.TokenView;
import org.moim.platform.problem.Problem;
import org.moim.platform.security.TokenScope;
import org.moim.platform.web.MoimApi;

/** My personal access tokens: only a signed-in person manages them, never a token (TokenScopes). */
@Path("me/tokens")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Tokens", description = "Personal access tokens and bot tokens; see docs/tokens.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TokensResource {

    @Inject
    PersonalAccessTokens tokens;

    @Inject
    AccountStore accounts;

    @Inject
    Clock clock;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(operationId = "listMyTokens", summary = "My tokens", description = "Newest first, revoked and expired ones included.")
    @APIResponse(responseCode = "200", description = "A page of tokens (never their secrets)",
            content = @Content(schema = @Schema(implementation = TokenView.PageView.class)))
    public TokenView.PageView list(@QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                                   @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return TokenView.PageView.from(tokens.page(jwt.getSubject(), limit, cursor), clock.instant());
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMyToken", summary = "Make a token", description = "The secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "Made", content = @Content(schema = @Schema(ref = "CreatedPersonalAccessToken")))
    @APIResponse(responseCode = "400", description = "A bad name, scope or expiry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many usable tokens", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull TokenView.CreateRequest body) {
        PersonalAccessTokens.Created created = tokens.create(accounts.byId(jwt.getSubject()), jwt.getSubject(), body.name,
                body.scopes, body.expiresInDays, java.util.EnumSet.allOf(TokenScope.class));
        return Response.status(Response.Status.CREATED).entity(TokenView.Created.from(created, clock.instant())).build();
    }

    @DELETE
    @Path("{tokenId}")
    @Transactional
    @Operation(operationId = "revokeMyToken", summary = "Revoke a token", description = "At once, on every node; its sockets close.")
    @APIResponse(responseCode = "204", description = "Revoked (again is fine)")
    @APIResponse(responseCode = "404", description = "No such token of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("tokenId") String tokenId) {
        tokens.revoke(jwt.getSubject(), tokenId, jwt.getSubject());
        return Response.noContent().build();
    }
}
