package org.moim.command.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.command.control.CommandRuns;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

/**
 * Running a command typed in a channel. Not one transaction: the integrator's URL is called
 * between two short ones (CommandRuns), so the request waits at most {@code moim.commands.timeout}
 * for it and no database connection is held meanwhile.
 */
@Path("channels/{channelId}/commands")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Commands")
public class ChannelCommandsResource {

    @Inject
    CommandRuns runs;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a slash command", description = "\"/word text\" as typed in the channel's composer. The command's URL is called "
            + "(signed, within moim.commands.timeout); an in_channel answer is posted in the channel as the command's bot and reaches "
            + "everyone as any message does, anything else (an ephemeral answer, an unknown command, a timeout, an error, a garbled "
            + "answer) only comes back here, to the caller.")
    @APIResponse(responseCode = "200", description = "What became of it", content = @Content(schema = @Schema(implementation = CommandResultView.class)))
    @APIResponse(responseCode = "400", description = "The text does not start with \"/word\" (invalid-field)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Your role may not post here", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel that you read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The channel is archived (channel-archived)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommandResultView run(@PathParam("channelId") String channelId, @Valid @NotNull RunCommandRequest body) {
        return CommandResultView.from(runs.run(channelId, jwt.getSubject(), body.text));
    }
}
