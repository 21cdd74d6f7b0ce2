package org.moim.keywordbot.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.keywordbot.control.KeywordRules;
import org.moim.keywordbot.entity.KeywordRule;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.IfMatch;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/keyword-bot")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Keyword bot", description = "A workspace's keyword bot: rules (whole words or phrases → a reply, in chosen channels), "
        + "its responders, and \"talk to a person\" handovers. Owners and managers manage it; docs/keyword-bot.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this (owners and managers only)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours, or no such rule in it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class KeywordBotResource {

    @Inject
    KeywordRules rules;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(operationId = "getKeywordBot", summary = "The keyword bot", description = "Its account (null before the first rule) and responders.")
    @APIResponse(responseCode = "200", description = "The bot", content = @Content(schema = @Schema(implementation = KeywordBotView.class)))
    public KeywordBotView bot(@PathParam("workspaceId") String workspaceId) {
        return KeywordBotView.from(workspaceId, rules.settings(workspaceId, jwt.getSubject()));
    }

    @PUT
    @Path("responders")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "chooseKeywordBotResponders", summary = "Choose who a handover asks for", description = "Replaces the earlier choice.")
    @APIResponse(responseCode = "200", description = "The bot", content = @Content(schema = @Schema(implementation = KeywordBotView.class)))
    @APIResponse(responseCode = "400", description = "Someone who is not an owner, manager or member of the workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeywordBotView responders(@PathParam("workspaceId") String workspaceId, @NotNull RespondersRequest body) {
        return KeywordBotView.from(workspaceId, rules.chooseResponders(workspaceId, jwt.getSubject(), body.responderIds));
    }

    @GET
    @Path("rules")
    @Transactional
    @Operation(operationId = "listKeywordRules", summary = "The keyword bot's rules", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = KeywordRulePage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeywordRulePage list(@PathParam("workspaceId") String workspaceId,
                                @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                                @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return KeywordRulePage.of(rules.list(workspaceId, jwt.getSubject(), limit, cursor));
    }

    @POST
    @Path("rules")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKeywordRule", summary = "Add a rule", description = "The first rule makes the bot's account.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The rule"),
            content = @Content(schema = @Schema(implementation = KeywordRuleView.class)))
    @APIResponse(responseCode = "400", description = "No keyword or phrase, a reply too long, a channel not of this workspace (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "moim.keyword-bot.max-rules-per-workspace reached (too-many-keyword-rules)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @NotNull KeywordRuleRequest body) {
        KeywordRule rule = rules.create(workspaceId, jwt.getSubject(), input(body));
        return tagged(Response.created(URI.create("/" + MoimApi.PATH + "/workspaces/" + workspaceId + "/keyword-bot/rules/" + rule.id())), rule);
    }

    @GET
    @Path("rules/{ruleId}")
    @Transactional
    @Operation(operationId = "getKeywordRule", summary = "One rule", description = "The ETag is its version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The rule", content = @Content(schema = @Schema(implementation = KeywordRuleView.class)))
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("ruleId") String ruleId) {
        return tagged(Response.ok(), rules.get(workspaceId, ruleId, jwt.getSubject()));
    }

    @PUT
    @Path("rules/{ruleId}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceKeywordRule", summary = "Change a rule", description = "The whole rule. Send If-Match with the ETag you read: "
            + "if the rule changed since, 409 stale-version.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = KeywordRuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("ruleId") String ruleId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull KeywordRuleRequest body) {
        return tagged(Response.ok(), rules.update(workspaceId, ruleId, jwt.getSubject(), IfMatch.version(ifMatch), input(body)));
    }

    @DELETE
    @Path("rules/{ruleId}")
    @Transactional
    @Operation(operationId = "deleteKeywordRule", summary = "Delete a rule", description = "The bot's earlier replies stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("ruleId") String ruleId) {
        rules.delete(workspaceId, ruleId, jwt.getSubject());
        return Response.noContent().build();
    }

    private static KeywordRules.RuleInput input(KeywordRuleRequest body) {
        return new KeywordRules.RuleInput(body.keywords, body.phrases, body.reply, body.handover, body.channelIds);
    }

    private static Response tagged(Response.ResponseBuilder response, KeywordRule rule) {
        return response.entity(KeywordRuleView.from(rule)).tag(new EntityTag(String.valueOf(rule.version()))).build();
    }
}
