package org.moim.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.notification.control.MailPreferences;
import org.moim.notification.entity.MailMode;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

/** My notification mail setting (the one-click unsubscribe is {@link UnsubscribeResource}). */
@Path("me/notification-mail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationMailResource {

    @Inject
    MailPreferences preferences;

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed(MoimApi.USER)
    @SecurityRequirement(name = MoimApi.BEARER)
    @Transactional
    @Operation(summary = "How my unseen notifications are mailed")
    @APIResponse(responseCode = "200", description = "The mode", content = @Content(schema = @Schema(implementation = MailSettingView.class)))
    public MailSettingView mine() {
        return new MailSettingView(preferences.mode(jwt.getSubject()));
    }

    @PUT
    @RolesAllowed(MoimApi.USER)
    @SecurityRequirement(name = MoimApi.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Choose how my unseen notifications are mailed")
    @APIResponse(responseCode = "200", description = "Chosen", content = @Content(schema = @Schema(implementation = MailSettingView.class)))
    @APIResponse(responseCode = "400", description = "Not a mode", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MailSettingView choose(@Valid @NotNull MailSettingRequest body) {
        return new MailSettingView(preferences.choose(jwt.getSubject(), MailMode.valueOf(body.mode)));
    }
}
