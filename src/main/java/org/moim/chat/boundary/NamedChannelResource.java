package org.moim.chat.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.chat.control.WorkspaceChannels;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.IfMatch;
import org.moim.platform.web.MoimApi;

/** One workspace channel: edit, archive, join, leave, members, mute (who may: docs/permissions.md#channels). */
@Path("channels/{channelId}")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Chat")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace channel you read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Archived (/problems/channel-archived), the general channel (/problems/general-channel), "
        + "or a stale If-Match (/problems/stale-version)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NamedChannelResource {

    @Inject
    WorkspaceChannels channels;

    @Inject
    JsonWebToken jwt;

    @PATCH
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename, or set the topic or description", description = "With If-Match (the channel's version, its ETag): "
            + "409 stale-version, with the channel as it is now in 'current', if someone changed its settings since you read them.")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "A bad or taken name, a topic or description too long, an If-Match that is no version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edit(@PathParam("channelId") String channelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull EditChannelRequest body) {
        return ChannelView.from(channels.edit(channelId, jwt.getSubject(), IfMatch.version(ifMatch),
                new WorkspaceChannels.Change(body.name, body.topic, body.description), ChannelView::from)).tagged();
    }

    @POST
    @Path("archive")
    @Transactional
    @Operation(summary = "Archive", description = "Read-only until unarchived: no posts, edits, reactions, joins or invitations. "
            + "If-Match as for PATCH.")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    public Response archive(@PathParam("channelId") String channelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ChannelView.from(channels.archive(channelId, jwt.getSubject(), true, IfMatch.version(ifMatch), ChannelView::from)).tagged();
    }

    @POST
    @Path("unarchive")
    @Transactional
    @Operation(summary = "Unarchive", description = "If-Match as for PATCH.")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    public Response unarchive(@PathParam("channelId") String channelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ChannelView.from(channels.archive(channelId, jwt.getSubject(), false, IfMatch.version(ifMatch), ChannelView::from)).tagged();
    }

    @POST
    @Path("join")
    @Transactional
    @Operation(summary = "Join a public channel", description = "Of a workspace you are in (not as a guest). A private channel "
            + "answers /problems/channel-invite-only (403), an archived one /problems/channel-archived (409); neither names it.")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    public ChannelView join(@PathParam("channelId") String channelId) {
        return ChannelView.from(channels.join(channelId, jwt.getSubject()));
    }

    @POST
    @Path("leave")
    @Transactional
    @Operation(summary = "Leave", description = "Your subscriptions to it end; a private channel is then 404 to you.")
    @APIResponse(responseCode = "204", description = "Left")
    public void leave(@PathParam("channelId") String channelId) {
        channels.leave(channelId, jwt.getSubject());
    }

    @GET
    @Path("members")
    @Transactional
    @Operation(summary = "Who is in it")
    @APIResponse(responseCode = "200", description = "The members", content = @Content(schema = @Schema(implementation = ChannelMembersView.class)))
    public ChannelMembersView members(@PathParam("channelId") String channelId) {
        return new ChannelMembersView(channelId, channels.members(channelId, jwt.getSubject()));
    }

    @POST
    @Path("members")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add members of the workspace", description = "Those already in stay in.")
    @APIResponse(responseCode = "200", description = "The members now", content = @Content(schema = @Schema(implementation = ChannelMembersView.class)))
    @APIResponse(responseCode = "422", description = "Someone outside the workspace (/problems/invitee-not-in-workspace)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChannelMembersView invite(@PathParam("channelId") String channelId, @Valid @NotNull ChannelMembersRequest body) {
        return new ChannelMembersView(channelId, channels.invite(channelId, jwt.getSubject(), body.accountIds));
    }

    @DELETE
    @Path("members/{accountId}")
    @Transactional
    @Operation(summary = "Take someone out", description = "Yourself: the same as leave.")
    @APIResponse(responseCode = "200", description = "The members now", content = @Content(schema = @Schema(implementation = ChannelMembersView.class)))
    public ChannelMembersView remove(@PathParam("channelId") String channelId, @PathParam("accountId") String accountId) {
        return new ChannelMembersView(channelId, channels.remove(channelId, jwt.getSubject(), accountId));
    }

    @PUT
    @Path("mute")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mute or unmute for yourself")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)))
    public ChannelView mute(@PathParam("channelId") String channelId, @Valid @NotNull MuteRequest body) {
        return ChannelView.from(channels.mute(channelId, jwt.getSubject(), body.muted));
    }
}
