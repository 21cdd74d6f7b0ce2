package org.moim.call.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.call.control.CallHistory;
import org.moim.call.control.IceServers;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("calls")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Calls", description = "Call history and ICE servers. Calls themselves are started, joined and signaled over /ws: docs/calls.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CallsResource {

    static final int MAX_PAGE = 100;

    @Inject
    CallHistory history;

    @Inject
    IceServers iceServers;

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("ice-servers")
    @Operation(summary = "STUN and TURN servers for my next call",
            description = "TURN credentials are short-lived and made for the caller (user name <expiry>:<account id>, "
                    + "password base64(HMAC-SHA1(secret, user name)), as coturn's use-auth-secret expects). Empty without configuration.")
    @APIResponse(responseCode = "200", description = "The servers", content = @Content(schema = @Schema(ref = "IceServers")))
    public Response iceServers() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(IceServersView.from(iceServers.forAccount(jwt.getSubject()))).cacheControl(noStore).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The calls of a channel, newest first", description = "A running call comes first with endedAt null.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = CallPage.class)))
    @APIResponse(responseCode = "400", description = "No channelId, or a bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel that I may see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CallPage ofChannel(@QueryParam("channelId") @Parameter(description = "The channel (required)") String channelId,
                              @QueryParam("limit") @DefaultValue("30") @Parameter(description = "1 to 100") int limit,
                              @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        if (channelId == null || channelId.isBlank()) {
            throw new InvalidField("channelId", "is required");
        }
        return page(history.ofChannel(channelId, jwt.getSubject(), Cursor.decode("cursor", cursor), limit(limit)));
    }

    @GET
    @Path("mine")
    @Transactional
    @Operation(summary = "The calls I took part in, newest first")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = CallPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CallPage mine(@QueryParam("limit") @DefaultValue("30") @Parameter(description = "1 to 100") int limit,
                         @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return page(history.mine(jwt.getSubject(), Cursor.decode("cursor", cursor), limit(limit)));
    }

    @GET
    @Path("{callId}")
    @Transactional
    @Operation(summary = "One call with its participants")
    @APIResponse(responseCode = "200", description = "The call", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "404", description = "No such call in a channel I may see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CallView one(@PathParam("callId") String callId) {
        return CallView.from(history.one(callId, jwt.getSubject()));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }

    private static CallPage page(Page<CallHistory.Entry> page) {
        return new CallPage(page.items().stream().map(CallView::from).toList(), page.nextCursor());
    }
}
