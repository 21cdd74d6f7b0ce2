package org.moim.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.Notification;
import org.moim.notification.entity.NotificationReader;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("me/notifications")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Notifications", description = "My inbox: mentions, assignments, invitations, direct messages, job results. Open tabs also receive them live over /ws.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NotificationsResource {

    static final int MAX_PAGE = 100;

    @Inject
    Inbox inbox;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "My notifications, newest first")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = NotificationPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationPage list(@QueryParam("limit") @DefaultValue("30") @Parameter(description = "1 to 100") int limit,
                                 @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                 @QueryParam("unread") @DefaultValue("false") @Parameter(description = "Only unread ones") boolean unreadOnly) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        String me = jwt.getSubject();
        Page<Notification> page = inbox.page(me, unreadOnly, Cursor.decode("cursor", cursor), limit);
        Map<String, String> names = inbox.actorNames(page.items());
        NotificationReader reader = inbox.reader(me);
        List<NotificationView> items = page.items().stream()
                .map(n -> NotificationView.from(n, n.actorId() == null ? null : names.get(n.actorId()), reader)).toList();
        return new NotificationPage(items, page.nextCursor(), inbox.unreadCount(me));
    }

    @GET
    @Path("unread-count")
    @Transactional
    @Operation(summary = "How many of my notifications are unread")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(jwt.getSubject()));
    }

    @POST
    @Path("{notificationId}/read")
    @Transactional
    @Operation(summary = "Mark one read", description = "Marking it again is fine and keeps the first time.")
    @APIResponse(responseCode = "200", description = "Read", content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "No such notification of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView markRead(@PathParam("notificationId") String notificationId) {
        Notification read = inbox.markRead(jwt.getSubject(), notificationId);
        return NotificationView.from(read, read.actorId() == null ? null : inbox.actorNames(List.of(read)).get(read.actorId()),
                inbox.reader(jwt.getSubject()));
    }

    @POST
    @Path("read-all")
    @Transactional
    @Operation(summary = "Mark all of mine read")
    @APIResponse(responseCode = "200", description = "Nothing unread any more", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    public UnreadCount markAllRead() {
        inbox.markAllRead(jwt.getSubject());
        return new UnreadCount(0);
    }
}
