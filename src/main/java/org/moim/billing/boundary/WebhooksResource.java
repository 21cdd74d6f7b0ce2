package org.moim.billing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.billing.control.Webhooks;
import org.moim.platform.problem.Problem;

/**
 * Where payment providers report: {@code POST /api/v1/billing/webhooks/{sandbox|stripe}}. No
 * sign-in; the provider's signature is the authentication. The raw body is read as bytes: the
 * signature covers them exactly.
 */
@Path("billing/webhooks/{provider}")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing webhooks", description = "Payment provider events. See docs/billing.md.")
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Context
    HttpHeaders headers;

    /** What the provider is told. */
    @Schema(name = "WebhookReceived")
    public record Received(String eventId, @Schema(description = "APPLIED, IGNORED or REJECTED; absent for a duplicate.") String outcome,
                           boolean duplicate) {
    }

    @POST
    @Transactional
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A provider event", description = "Verified (signature and timestamp) and applied at most once per event id.")
    @RequestBody(description = "The provider's event, as it signed it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Handled, or handled before (duplicate)", content = @Content(schema = @Schema(implementation = Received.class)))
    @APIResponse(responseCode = "400", description = "Forged, stale or unreadable: rejected and logged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Early (a refund before the success): deliver again later", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Received receive(@PathParam("provider") String provider, byte[] body) {
        Webhooks.Received received = webhooks.receive(provider, body == null ? new byte[0] : body, headers::getHeaderString);
        return new Received(received.eventId(), received.outcome() == null ? null : received.outcome().name(), received.duplicate());
    }
}
