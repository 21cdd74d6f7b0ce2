package org.moim.identity.boundary;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.LoginSessions;
import org.moim.identity.control.Profiles;
import org.moim.identity.entity.LoginSession.RevokedReason;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.ClientAddresses;
import org.moim.platform.web.MoimApi;

@Path("me")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Me", description = "The signed-in person's profile, password and sessions.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MeResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AccountStore accounts;

    @Inject
    Profiles profiles;

    @Inject
    LoginSessions sessions;

    @Inject
    JsonWebToken jwt;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @GET
    @Transactional
    @Operation(summary = "My account")
    @APIResponse(responseCode = "200", description = "My account", content = @Content(schema = @Schema(implementation = AccountView.class)))
    public AccountView get() {
        return AccountView.from(accounts.byId(jwt.getSubject()));
    }

    @PATCH
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change display name, language or time zone")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = AccountView.class)))
    public AccountView update(@Valid @NotNull UpdateProfileRequest body) {
        return AccountView.from(profiles.update(jwt.getSubject(), body.displayName, body.locale, body.timeZone));
    }

    @POST
    @Path("password")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my password", description = "Signs out every other session of the account.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Wrong current password or weak new one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changePassword(@Valid @NotNull ChangePasswordRequest body) {
        profiles.changePassword(jwt.getSubject(), jwt.getClaim("sid"), body.currentPassword, body.newPassword, addresses.of(request));
        return Response.noContent().build();
    }

    @GET
    @Path("sessions")
    @Transactional
    @Operation(summary = "Where I am signed in")
    @APIResponse(responseCode = "200", description = "My sessions", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class)))
    public List<SessionView> sessions() {
        String current = jwt.getClaim("sid");
        return sessions.active(jwt.getSubject()).stream().map(s -> SessionView.from(s, current)).toList();
    }

    @DELETE
    @Path("sessions/{id}")
    @Transactional
    @Operation(summary = "Sign out one session")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "404", description = "No such session of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("id") String id) {
        sessions.revoke(jwt.getSubject(), id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("sessions")
    @Transactional
    @Operation(summary = "Sign out every other session")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response revokeOthers() {
        sessions.revokeOthers(jwt.getSubject(), jwt.getClaim("sid"), RevokedReason.REVOKED_BY_USER);
        return Response.noContent().build();
    }
}
