package org.moim.command.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.command.control.Commands;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.IfMatch;
import org.moim.platform.web.MoimApi;

@Path("workspaces/{workspaceId}/commands")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Commands", description = "A workspace's slash commands: \"/word\" typed in a channel becomes a signed POST to the integrator's URL. "
        + "Owners and managers manage them, every member sees their words; docs/commands.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this (members and guests only list)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours, or no such command in it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CommandsResource {

    @Inject
    Commands commands;

    @Inject
    JsonWebToken jwt;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a command", description = "The answer holds the signing secret: it is shown this once.")
    @APIResponse(responseCode = "201", description = "Created, with its secret", headers = @Header(name = "Location", description = "The command"),
            content = @Content(schema = @Schema(implementation = CommandView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or an address Moim does not call (webhook-address-refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The word is taken (command-word-taken), or moim.commands.max-per-workspace reached (too-many-commands)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull CreateCommandRequest body) {
        Commands.WithSecret made = commands.create(workspaceId, jwt.getSubject(), body.word, body.url, body.description, body.usage);
        return tagged(Response.created(location(workspaceId, made.command().id())), CommandView.from(made));
    }

    @GET
    @Transactional
    @Operation(summary = "The workspace's commands", description = "Oldest first; never with their secrets; URLs only for owners and managers.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = CommandPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommandPage list(@PathParam("workspaceId") String workspaceId,
                            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return CommandPage.of(commands.list(workspaceId, jwt.getSubject(), limit, cursor));
    }

    @GET
    @Path("{commandId}")
    @Transactional
    @Operation(summary = "One command", description = "Owners and managers. The ETag is its version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The command", content = @Content(schema = @Schema(implementation = CommandView.class)))
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("commandId") String commandId) {
        return tagged(Response.ok(), CommandView.from(commands.get(workspaceId, commandId, jwt.getSubject()), true));
    }

    @PATCH
    @Path("{commandId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a command", description = "Its URL, description or usage. Send If-Match with the ETag you read: "
            + "if the command changed since, 409 stale-version.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = CommandView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or refused address", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("workspaceId") String workspaceId, @PathParam("commandId") String commandId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull UpdateCommandRequest body) {
        return tagged(Response.ok(), CommandView.from(commands.update(workspaceId, commandId, jwt.getSubject(), IfMatch.version(ifMatch),
                body.url, body.description, body.usage), true));
    }

    @POST
    @Path("{commandId}/rotate-secret")
    @Transactional
    @Operation(summary = "Replace the signing secret", description = "The new secret is in the answer, shown this once; the old one stops signing at once.")
    @APIResponse(responseCode = "200", description = "The command with its new secret", content = @Content(schema = @Schema(implementation = CommandView.class)))
    public Response rotateSecret(@PathParam("workspaceId") String workspaceId, @PathParam("commandId") String commandId) {
        return tagged(Response.ok(), CommandView.from(commands.rotateSecret(workspaceId, commandId, jwt.getSubject())));
    }

    @DELETE
    @Path("{commandId}")
    @Transactional
    @Operation(summary = "Delete a command", description = "Its bot leaves the workspace; the messages it posted stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("commandId") String commandId) {
        commands.delete(workspaceId, commandId, jwt.getSubject());
        return Response.noContent().build();
    }

    private static URI location(String workspaceId, String commandId) {
        return URI.create("/" + MoimApi.PATH + "/workspaces/" + workspaceId + "/commands/" + commandId);
    }

    private static Response tagged(Response.ResponseBuilder response, CommandView view) {
        return response.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }
}
