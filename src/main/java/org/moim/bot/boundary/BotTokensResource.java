package org.moim.bot.boundary;

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
import org.moim.bot.control.Bots;
import org.moim.identity.control.TokenView;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

/** A bot's tokens, made by the workspace's owners and managers; never by a token (TokenScopes). */
@Path("workspaces/{workspaceId}/bots/{botId}/tokens")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Bots")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an owner or manager", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace, bot or token of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BotTokensResource {

    @Inject
    Bots bots;

    @Inject
    Clock clock;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(operationId = "listBotTokens", summary = "A bot's tokens", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of tokens (never their secrets)",
            content = @Content(schema = @Schema(implementation = TokenView.PageView.class)))
    public TokenView.PageView list(@PathParam("workspaceId") String workspaceId, @PathParam("botId") String botId,
                                   @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                                   @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return TokenView.PageView.from(bots.tokens(workspaceId, jwt.getSubject(), botId, limit, cursor), clock.instant());
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createBotToken", summary = "Make a token for a bot", description = "Any scope but admin; the secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "Made", content = @Content(schema = @Schema(ref = "CreatedPersonalAccessToken")))
    public Response create(@PathParam("workspaceId") String workspaceId, @PathParam("botId") String botId,
                           @NotNull TokenView.CreateRequest body) {
        var created = bots.createToken(workspaceId, jwt.getSubject(), botId, body.name, body.scopes, body.expiresInDays);
        return Response.status(Response.Status.CREATED).entity(TokenView.Created.from(created, clock.instant())).build();
    }

    @DELETE
    @Path("{tokenId}")
    @Transactional
    @Operation(operationId = "revokeBotToken", summary = "Revoke a bot's token", description = "At once, on every node.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("workspaceId") String workspaceId, @PathParam("botId") String botId,
                           @PathParam("tokenId") String tokenId) {
        bots.revokeToken(workspaceId, jwt.getSubject(), botId, tokenId);
        return Response.noContent().build();
    }
}
