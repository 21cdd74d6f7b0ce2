package org.moim.calendar.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.calendar.control.CalendarFeeds;
import org.moim.calendar.control.CalendarLimits;
import org.moim.calendar.control.FeedTokens;
import org.moim.identity.entity.Account;
import org.moim.platform.problem.Problem;
import org.moim.platform.security.RateLimiter;
import org.moim.platform.web.ClientAddresses;
import org.moim.platform.web.RequestLog;

/**
 * The iCalendar feed for calendar apps: no sign-in, the secret token in the URL is the key. Public
 * at {@code /calendar/feeds/<token>.ics} ({@link CalendarFeedServlet}) and here under the API.
 */
@Path(CalendarFeedsResource.PATH)
@RequestScoped
@Tag(name = "Calendar feed", description = "Private iCalendar feeds (RFC 5545) for calendar apps. docs/calendar.md.")
public class CalendarFeedsResource {

    static final String PATH = "/calendar/feeds";
    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    private static final CacheControl CACHING = CacheControl.valueOf("private, max-age=300");

    @Inject
    CalendarFeeds feeds;

    @Inject
    CalendarLimits limits;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ClientAddresses addresses;

    @Inject
    FeedLinks links;

    @Context
    HttpServletRequest servletRequest;

    @Context
    Request request;

    @GET
    @Path("{file}")
    @PermitAll
    @Transactional
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "A calendar feed", description = "No bearer token: the token in the URL is the secret. "
            + "Unknown, rotated and revoked tokens answer 404. ETag and If-None-Match (304); rate-limited per feed.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = "text/calendar"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent as If-None-Match")
    @APIResponse(responseCode = "404", description = "No such feed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many requests; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@PathParam("file") @Parameter(description = "<token>.ics") String file) {
        servletRequest.setAttribute(RequestLog.LOGGED_PATH, CalendarFeedPaths.REDACTED);
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : "";
        String address = addresses.of(servletRequest);
        // Misses are counted before the look-up and given back on a hit: guessing costs the guesser.
        rateLimiter.acquire(limits.feedMissesPerAddress(), address);
        Account owner = feeds.owner(token);
        rateLimiter.release(limits.feedMissesPerAddress(), address);
        rateLimiter.acquire(limits.feedDownloadsPerToken(), FeedTokens.hash(token));

        CalendarFeeds.Rendered feed = feeds.render(owner, links.baseUrl(servletRequest));
        EntityTag tag = new EntityTag(feed.etag());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(CACHING).build();
        }
        return Response.ok(feed.ics(), TEXT_CALENDAR).tag(tag).cacheControl(CACHING)
                .header("Content-Disposition", "inline; filename=\"moim.ics\"")
                .build();
    }
}
