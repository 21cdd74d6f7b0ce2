package org.moim.platform.realtime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.MoimApi;

@Path("realtime/tickets")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Real-time", description = "The WebSocket gateway at /ws; see docs/realtime-protocol.md.")
public class TicketsResource {

    @Inject
    RealtimeTickets tickets;

    @Inject
    JsonWebToken jwt;

    /** A ticket for {@code /ws?ticket=…}: usable once, within 30 seconds, on any node. */
    @Schema(name = "RealtimeTicket")
    public record TicketView(String ticket, long expiresIn, String url, String protocol) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a one-time ticket to open the WebSocket")
    @APIResponse(responseCode = "201", description = "A ticket", content = @Content(schema = @Schema(ref = "RealtimeTicket")))
    public Response issue() {
        String ticket = tickets.issue(new Ticket(jwt.getSubject(), jwt.getClaim("sid"), jwt.getTokenID(), jwt.getExpirationTime(),
                JsonValue.TRUE.equals(jwt.getClaim("bot"))));
        return Response.status(Response.Status.CREATED)
                .entity(new TicketView(ticket, RealtimeTickets.LIFETIME.toSeconds(), "/ws?ticket=" + ticket, RealtimeEndpoint.PROTOCOL))
                .build();
    }
}
