package org.moim.webhook.boundary;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.AppUrls;
import org.moim.platform.web.MoimApi;
import org.moim.webhook.control.IncomingWebhooks;

@Path("channels/{channelId}/incoming-webhooks")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Incoming webhooks", description = "A workspace channel's secret URLs that turn a Slack-style JSON body into a message. "
        + "Owners and managers who read the channel; docs/webhooks.md#incoming-webhooks.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this (members and guests)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace channel that you read, or no such hook in it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IncomingWebhooksResource {

    @Inject
    IncomingWebhooks hooks;

    @Inject
    JsonWebToken jwt;

    @Inject
    @ConfigProperty(name = "moim.mail.public-url")
    Optional<String> publicUrl;

    @Context
    UriInfo uri;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an incoming webhook", description = "The answer holds the secret URL: it is shown this once.")
    @APIResponse(responseCode = "201", description = "Created, with its URL", headers = @Header(name = "Location", description = "The hook"),
            content = @Content(schema = @Schema(implementation = IncomingWebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, or the channel has moim.incoming-webhooks.max-per-channel hooks",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("channelId") String channelId, @Valid @NotNull CreateIncomingWebhookRequest body) {
        IncomingWebhooks.WithSecret created = hooks.create(channelId, jwt.getSubject(), body.name);
        return Response.created(URI.create("/" + MoimApi.PATH + "/channels/" + channelId + "/incoming-webhooks/" + created.hook().id()))
                .entity(IncomingWebhookView.from(created, hooksRoot())).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The channel's incoming webhooks", description = "Oldest first; never with their URLs.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = IncomingWebhookPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IncomingWebhookPage list(@PathParam("channelId") String channelId,
                                    @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                                    @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return IncomingWebhookPage.of(hooks.list(channelId, jwt.getSubject(), limit, cursor).map(IncomingWebhookView::from));
    }

    @POST
    @Path("{hookId}/secret")
    @Transactional
    @Operation(summary = "Replace an incoming webhook's secret URL", description = "The new URL is in the answer, shown this once; "
            + "the old one answers 404 at once.")
    @APIResponse(responseCode = "200", description = "The hook with its new URL", content = @Content(schema = @Schema(implementation = IncomingWebhookView.class)))
    public IncomingWebhookView replaceSecret(@PathParam("channelId") String channelId, @PathParam("hookId") String hookId) {
        return IncomingWebhookView.from(hooks.replaceSecret(channelId, hookId, jwt.getSubject()), hooksRoot());
    }

    @DELETE
    @Path("{hookId}")
    @Transactional
    @Operation(summary = "Delete an incoming webhook", description = "Its URL answers 404 from now on; its messages stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("channelId") String channelId, @PathParam("hookId") String hookId) {
        hooks.delete(channelId, hookId, jwt.getSubject());
        return Response.noContent().build();
    }

    /** Where secret URLs start: the app's public address (moim.mail.public-url, else the request's) and the hooks path. */
    private String hooksRoot() {
        return AppUrls.root(publicUrl, uri) + MoimApi.PATH + "/" + HooksResource.PATH + "/";
    }
}
