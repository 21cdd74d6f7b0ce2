package org.moim.workspace.boundary;

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
import jakarta.ws.rs.PATCH;
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
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.workspace.control.Members;

@Path("workspaces/{workspaceId}/members")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Members", description = "Who is in a workspace, with which role.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace or member", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MembersResource {

    @Inject
    Members members;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The member directory", description = "Not for guests (403). In the order they joined, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = MemberPage.class)))
    public MemberPage list(@PathParam("workspaceId") String workspaceId,
                           @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                           @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return MemberPage.of(members.list(workspaceId, jwt.getSubject(), limit, cursor).map(MemberView::from));
    }

    @PATCH
    @Path("{accountId}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a member's role", description = "Owners and managers; only owners make or change owners.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "It would leave no owner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberView changeRole(@PathParam("workspaceId") String workspaceId, @PathParam("accountId") String accountId,
                                 @Valid @NotNull ChangeRoleRequest body) {
        return MemberView.from(members.changeRole(workspaceId, jwt.getSubject(), accountId, body.role));
    }

    @DELETE
    @Path("{accountId}")
    @Transactional
    @Operation(summary = "Remove a member", description = "Owners and managers; only owners remove owners; never the last owner.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The last owner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(@PathParam("workspaceId") String workspaceId, @PathParam("accountId") String accountId) {
        members.remove(workspaceId, jwt.getSubject(), accountId);
        return Response.noContent().build();
    }
}
