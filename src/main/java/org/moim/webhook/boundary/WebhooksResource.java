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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.IfMatch;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.webhook.control.WebhookAction;
import org.moim.webhook.control.WebhookDeliveries;
import org.moim.webhook.control.WebhookPolicy;
import org.moim.webhook.control.Webhooks;
import org.moim.webhook.entity.Webhook;
import org.moim.webhook.entity.WebhookDelivery;

@Path("workspaces/{workspaceId}/webhooks")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Webhooks", description = "A workspace's outgoing webhooks: signed POSTs of its events, and the record of every delivery. "
        + "Owners and managers; docs/webhooks.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this (members and guests)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours, or no such webhook or delivery in it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookPolicy policy;

    @Inject
    JsonWebToken jwt;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a webhook", description = "The answer holds the signing secret: it is shown this once.")
    @APIResponse(responseCode = "201", description = "Created, with its secret",
            headers = @Header(name = "Location", description = "The webhook"),
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or an address Moim does not call (webhook-address-refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "refused",
                    value = "{\"type\":\"/problems/webhook-address-refused\",\"title\":\"Webhook address refused\",\"status\":400,"
                            + "\"detail\":\"Moim does not call this address: 169.254.169.254 is a link-local address (169.254.169.254).\"}")))
    @APIResponse(responseCode = "409", description = "The workspace has moim.webhooks.max-per-workspace webhooks already (too-many-webhooks)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull CreateWebhookRequest body) {
        Webhooks.WithSecret created = webhooks.create(workspaceId, jwt.getSubject(), body.url, body.events, body.format, body.description);
        return tagged(Response.created(location(workspaceId, created.webhook().id())), WebhookView.from(created));
    }

    @GET
    @Transactional
    @Operation(summary = "The workspace's webhooks", description = "Oldest first; never with their secrets.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    public WebhookPage list(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return WebhookPage.of(webhooks.list(workspaceId, jwt.getSubject(), limit, cursor).map(WebhookView::from));
    }

    @GET
    @Path("{webhookId}")
    @Transactional
    @Operation(summary = "One webhook", description = "The ETag is its version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The webhook", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId) {
        return tagged(Response.ok(), WebhookView.from(webhooks.get(workspaceId, webhookId, jwt.getSubject())));
    }

    @PATCH
    @Path("{webhookId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a webhook", description = "Only the fields given change. Send If-Match with the ETag you read: "
            + "if the webhook changed since, 409 stale-version.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or refused address", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull UpdateWebhookRequest body) {
        Webhook changed = webhooks.update(workspaceId, webhookId, jwt.getSubject(), IfMatch.version(ifMatch), body.url, body.events, body.format,
                body.description, body.active);
        return tagged(Response.ok(), WebhookView.from(changed));
    }

    @DELETE
    @Path("{webhookId}")
    @Transactional
    @Operation(summary = "Delete a webhook", description = "With its record of deliveries; queued attempts are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId) {
        webhooks.delete(workspaceId, webhookId, jwt.getSubject());
        return Response.noContent().build();
    }

    @POST
    @Path("{webhookId}/rotate-secret")
    @Transactional
    @Operation(summary = "Replace the signing secret", description = "The new secret is in the answer, shown this once; "
            + "the old one stops signing at once.")
    @APIResponse(responseCode = "200", description = "The webhook with its new secret", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response rotateSecret(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId) {
        return tagged(Response.ok(), WebhookView.from(webhooks.rotateSecret(workspaceId, webhookId, jwt.getSubject())));
    }

    @POST
    @Path("{webhookId}/test")
    @Transactional
    @Operation(summary = "Send a test event", description = "Queues a webhook.test event to this webhook (active or not); "
            + "follow the delivery at Location.")
    @APIResponse(responseCode = "202", description = "Queued", headers = @Header(name = "Location", description = "The delivery"),
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response sendTest(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId) {
        WebhookDelivery delivery = webhooks.sendTest(workspaceId, webhookId, jwt.getSubject());
        return Response.accepted(DeliveryView.from(delivery))
                .location(URI.create(location(workspaceId, webhookId) + "/deliveries/" + delivery.id())).build();
    }

    @GET
    @Path("{webhookId}/deliveries")
    @Transactional
    @Operation(summary = "The webhook's deliveries", description = "Newest first, keyset-paginated: status, attempts, HTTP status, "
            + "duration, the next retry and the last error of each.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryPage deliveries(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId,
                                   @QueryParam("limit") @DefaultValue("30") @Parameter(description = "1 to 100") int limit,
                                   @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Webhook webhook = policy.require(workspaceId, webhookId, jwt.getSubject(), WebhookAction.LIST_DELIVERIES);
        return DeliveryPage.from(deliveries.page(webhook, cursor, limit));
    }

    @GET
    @Path("{webhookId}/deliveries/{deliveryId}")
    @Transactional
    @Operation(summary = "One delivery")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView delivery(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId,
                                 @PathParam("deliveryId") String deliveryId) {
        Webhook webhook = policy.require(workspaceId, webhookId, jwt.getSubject(), WebhookAction.LIST_DELIVERIES);
        return DeliveryView.from(deliveries.of(webhook, deliveryId));
    }

    @POST
    @Path("{webhookId}/deliveries/{deliveryId}/retry")
    @Transactional
    @Operation(summary = "Retry a dead delivery", description = "A new round of attempts with the same body.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is not DEAD (delivery-not-dead)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("workspaceId") String workspaceId, @PathParam("webhookId") String webhookId,
                          @PathParam("deliveryId") String deliveryId) {
        Webhook webhook = policy.require(workspaceId, webhookId, jwt.getSubject(), WebhookAction.RETRY_DELIVERY);
        return Response.accepted(DeliveryView.from(deliveries.retry(webhook, deliveryId))).build();
    }

    private static URI location(String workspaceId, String webhookId) {
        return URI.create("/" + MoimApi.PATH + "/workspaces/" + workspaceId + "/webhooks/" + webhookId);
    }

    private static Response tagged(Response.ResponseBuilder response, WebhookView view) {
        return response.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }
}
