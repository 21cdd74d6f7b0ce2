package org.moim.calendar.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.platform.web.IfMatch;
import org.moim.calendar.control.CalendarItems;
import org.moim.calendar.control.EventDetails;
import org.moim.calendar.control.Events;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/calendar")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Calendar", description = "Workspace events and the range view with cards. docs/calendar.md; permissions: docs/permissions.md#calendar.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace or event of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarResource {

    @Inject
    Events events;

    @Inject
    CalendarItems items;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "Events and cards in a range",
            description = "from (inclusive) and to (exclusive): a date (midnight in tz), a local date-time (in tz) or a date-time "
                    + "with offset. At most moim.calendar.max-range-days (62) days. Guests see only the events they attend; "
                    + "cards come from the boards the caller may see.")
    @APIResponse(responseCode = "200", description = "The range", content = @Content(schema = @Schema(implementation = CalendarRangeView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unreadable from/to/tz, or a range too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarRangeView range(@PathParam("workspaceId") String workspaceId,
                                   @QueryParam("from") @Parameter(example = "2025-03-01") String from,
                                   @QueryParam("to") @Parameter(example = "2025-04-01") String to,
                                   @QueryParam("tz") @Parameter(example = "Asia/Seoul", description = "IANA zone; default: my profile's") String tz) {
        return CalendarRangeView.from(items.between(workspaceId, jwt.getSubject(), from, to, tz));
    }

    @POST
    @Path("events")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event", description = "Attendees must be members of the workspace; each is notified.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "CalendarEvent")))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull CreateEventRequest body) {
        EventDetails created = events.create(workspaceId, jwt.getSubject(), new Events.Draft(body.title, body.description,
                body.location, body.allDay, body.start, body.end, body.attendees));
        URI location = URI.create("/" + MoimApi.PATH + "/workspaces/" + workspaceId + "/calendar/events/" + created.event().id());
        return withTag(Response.created(location), created);
    }

    @GET
    @Path("events/{eventId}")
    @Transactional
    @Operation(summary = "One event", description = "The ETag is its version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(ref = "CalendarEvent")))
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("eventId") String eventId) {
        return withTag(Response.ok(), events.get(workspaceId, jwt.getSubject(), eventId));
    }

    @PATCH
    @Path("events/{eventId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change an event",
            description = "Send If-Match with the ETag you read: if the event changed since, 409 stale-version. "
                    + "Without If-Match the change applies to whatever is current.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(ref = "CalendarEvent")))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("eventId") String eventId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull UpdateEventRequest body) {
        return withTag(Response.ok(), events.update(workspaceId, jwt.getSubject(), eventId, IfMatch.version(ifMatch),
                new Events.Draft(body.title, body.description, body.location, body.allDay, body.start, body.end, body.attendees)));
    }

    @DELETE
    @Path("events/{eventId}")
    @Transactional
    @Operation(summary = "Delete an event", description = "If-Match is optional; a stale one answers 409 stale-version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("eventId") String eventId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        events.delete(workspaceId, jwt.getSubject(), eventId, IfMatch.version(ifMatch));
        return Response.noContent().build();
    }

    private static Response withTag(Response.ResponseBuilder response, EventDetails details) {
        EventView view = EventView.from(details);
        return response.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }
}
