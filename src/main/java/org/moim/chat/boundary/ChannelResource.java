package org.moim.chat.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.chat.control.ChannelReaders;
import org.moim.chat.control.Channels;
import org.moim.chat.control.History;
import org.moim.chat.control.Posting;
import org.moim.chat.control.ReadMarkers;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("channels/{channelId}")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Chat")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such channel of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ChannelResource {

    @Inject
    Channels channels;

    @Inject
    History history;

    @Inject
    ReadMarkers readMarkers;

    @Inject
    ChannelReaders readers;

    @Inject
    Posting posting;

    @Inject
    JsonWebToken jwt;

    /** Someone who reads the channel. */
    @Schema(name = "ChannelReader")
    public record ReaderView(String accountId, @Schema(example = "Kim Minji") String displayName) {
    }

    @JsonbNillable
    @Schema(name = "ChannelReaderPage", description = "One page of readers by name; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record ReaderPage(@Schema(type = SchemaType.ARRAY, implementation = ReaderView.class) List<ReaderView> items, String nextCursor) {
        static ReaderPage from(Page<ChannelReaders.Reader> page) {
            return new ReaderPage(page.items().stream().map(r -> new ReaderView(r.accountId(), r.displayName())).toList(), page.nextCursor());
        }
    }

    @GET
    @Path("readers")
    @Transactional
    @Operation(summary = "Who reads the channel", description = "Everyone a mention in this channel would notify (the composer's "
            + "mention picker), by name, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of readers", content = @Content(schema = @Schema(implementation = ReaderPage.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor the API did not give out (/problems/validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReaderPage readers(@PathParam("channelId") String channelId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return ReaderPage.from(readers.page(channelId, jwt.getSubject(), limit, cursor));
    }

    @GET
    @Transactional
    @Operation(summary = "One channel, with my read state", description = "The ETag is its version (If-Match of PATCH, archive, unarchive).")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    public Response get(@PathParam("channelId") String channelId) {
        return ChannelView.from(channels.get(channelId, jwt.getSubject())).tagged();
    }

    @GET
    @Path("messages")
    @Transactional
    @Operation(summary = "History", description = "Up to limit messages in ascending sequence: the newest (no cursor), those before "
            + "before=, or those after after= (the sequence is the cursor). thread= keeps the replies of one thread.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = MessagePage.class)))
    @APIResponse(responseCode = "400", description = "Both before and after, or a bad limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessagePage messages(@PathParam("channelId") String channelId,
                                @QueryParam("before") @Parameter(description = "Messages with a smaller sequence", example = "120") Long before,
                                @QueryParam("after") @Parameter(description = "Messages with a greater sequence", example = "100") Long after,
                                @QueryParam("thread") @Parameter(description = "The id of a thread's first message") String thread,
                                @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit) {
        return MessagePage.from(history.page(channelId, jwt.getSubject(), before, after, thread, limit));
    }

    @POST
    @Path("messages")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a message", description = "What the WebSocket send frame does, for integrations and bots: "
            + "subscribers hear it after commit. A bot's message carries senderBot. The answer names in mentionsNotDelivered the "
            + "workspace's members it mentions who cannot read the channel (they were not notified).")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(ref = "ChatMessage")))
    @APIResponse(responseCode = "200", description = "Stored earlier under the same idempotencyKey", content = @Content(schema = @Schema(ref = "ChatMessage")))
    public Response post(@PathParam("channelId") String channelId, @Valid @NotNull PostMessageRequest body) {
        Posting.Posted posted = posting.post(new Posting.Draft(channelId, jwt.getSubject(), body.text,
                body.mentions == null ? List.of() : body.mentions, body.parentId, body.idempotencyKey, List.of(),
                JsonValue.TRUE.equals(jwt.getClaim("bot"))));
        MessageView view = MessageView.posted(posted);
        return Response.status(posted.repeated() ? Response.Status.OK : Response.Status.CREATED).entity(view).build();
    }

    @PUT
    @Path("read")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark read up to a sequence", description = "The marker only moves forward; every open tab of mine "
            + "hears a read frame.")
    @APIResponse(responseCode = "200", description = "Where I stand now", content = @Content(schema = @Schema(implementation = ReadView.class)))
    public ReadView read(@PathParam("channelId") String channelId, @Valid @NotNull MarkReadRequest body) {
        return ReadView.from(readMarkers.mark(channelId, jwt.getSubject(), body.sequence));
    }
}
