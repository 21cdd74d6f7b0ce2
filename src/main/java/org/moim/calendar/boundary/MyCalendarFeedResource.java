package org.moim.calendar.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.calendar.control.CalendarFeeds;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("me/calendar-feed")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Calendar feed", description = "Private iCalendar feeds (RFC 5545) for calendar apps. docs/calendar.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MyCalendarFeedResource {

    @Inject
    CalendarFeeds feeds;

    @Inject
    FeedLinks links;

    @Inject
    JsonWebToken jwt;

    @Context
    HttpServletRequest request;

    @GET
    @Transactional
    @Operation(summary = "Whether I have a feed", description = "The URL itself is shown only when it is created or rotated.")
    @APIResponse(responseCode = "200", description = "My feed", content = @Content(schema = @Schema(implementation = FeedView.class)))
    public FeedView get() {
        return feeds.mine(jwt.getSubject())
                .map(feed -> new FeedView(true, null, null, feed.createdAt()))
                .orElse(new FeedView(false, null, null, null));
    }

    @POST
    @Transactional
    @Operation(summary = "Create or rotate my feed",
            description = "Answers the new URL, once. A previous URL stops working at once (404).")
    @APIResponse(responseCode = "201", description = "The new feed URL", content = @Content(schema = @Schema(implementation = FeedView.class)))
    public Response issue() {
        CalendarFeeds.Issued issued = feeds.issue(jwt.getSubject());
        String path = CalendarFeedPaths.PUBLIC + issued.token() + ".ics";
        return Response.status(Response.Status.CREATED)
                .entity(new FeedView(true, links.baseUrl(request) + path, path, issued.createdAt()))
                .cacheControl(CacheControl.valueOf("no-store"))
                .build();
    }

    @DELETE
    @Transactional
    @Operation(summary = "Revoke my feed", description = "Its URL answers 404 from now on. Fine when there is none.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke() {
        feeds.revoke(jwt.getSubject());
        return Response.noContent().build();
    }
}
