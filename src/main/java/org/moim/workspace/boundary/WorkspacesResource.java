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
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;
import org.moim.workspace.control.Members;
import org.moim.workspace.control.Workspaces;
import org.moim.workspace.entity.Membership;

@Path("workspaces")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Workspaces", description = "Workspaces, ownership and leaving. Permissions: docs/permissions.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Your role does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WorkspacesResource {

    @Inject
    Workspaces workspaces;

    @Inject
    Members members;

    @Inject
    JsonWebToken jwt;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a workspace", description = "The caller becomes its owner.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateWorkspaceRequest body) {
        Membership owner = workspaces.create(jwt.getSubject(), body.name, body.description, body.avatar);
        return withTag(Response.created(URI.create("/" + MoimApi.PATH + "/workspaces/" + owner.workspace().id())), owner);
    }

    @GET
    @Transactional
    @Operation(summary = "My workspaces", description = "Newest first, keyset-paginated. With deleted=true: the deleted workspaces "
            + "I own that can still be restored.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = WorkspacePage.class)))
    public WorkspacePage list(@QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
                              @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                              @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return WorkspacePage.from(deleted
                ? workspaces.deletedByMe(jwt.getSubject(), limit, cursor)
                : workspaces.mine(jwt.getSubject(), limit, cursor));
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One workspace", description = "The ETag is its version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The workspace", content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    public Response get(@PathParam("id") String id) {
        return withTag(Response.ok(), workspaces.get(id, jwt.getSubject()));
    }

    @PATCH
    @Path("{id}")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change name, description or avatar",
            description = "Send If-Match with the ETag you read: if the workspace changed since, 409 stale-version. "
                    + "Without If-Match the change applies to whatever is current.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateWorkspaceRequest body) {
        return withTag(Response.ok(), workspaces.update(id, jwt.getSubject(), IfMatch.version(ifMatch), body.name, body.description, body.avatar));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a workspace (owners)", description = "Restorable by an owner for 30 days, then purged.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        workspaces.delete(id, jwt.getSubject());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/restore")
    @Transactional
    @Operation(summary = "Restore a deleted workspace (owners, within 30 days)")
    @APIResponse(responseCode = "200", description = "Restored", content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    public Response restore(@PathParam("id") String id) {
        return withTag(Response.ok(), workspaces.restore(id, jwt.getSubject()));
    }

    @POST
    @Path("{id}/transfer")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make another member the owner", description = "The caller stays on as a manager.")
    @APIResponse(responseCode = "200", description = "Transferred; the workspace with the caller's new role",
            content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    public WorkspaceView transfer(@PathParam("id") String id, @Valid @NotNull TransferOwnershipRequest body) {
        return WorkspaceView.from(members.transfer(id, jwt.getSubject(), body.accountId));
    }

    @POST
    @Path("{id}/leave")
    @Transactional
    @Operation(summary = "Leave a workspace", description = "The last owner cannot leave (409 last-owner).")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "409", description = "The last owner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response leave(@PathParam("id") String id) {
        members.leave(id, jwt.getSubject());
        return Response.noContent().build();
    }

    private static Response withTag(Response.ResponseBuilder response, Membership membership) {
        WorkspaceView view = WorkspaceView.from(membership);
        return response.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }
}
