package org.moim.notification.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.notification.control.MailPreferences;
import org.moim.notification.entity.MailMode;
import org.moim.platform.problem.Problem;

/** The one-click unsubscribe that notification mails link to in {@code List-Unsubscribe} (RFC 8058). */
@Path("notification-mail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class UnsubscribeResource {

    @Inject
    MailPreferences preferences;

    @POST
    @Path("unsubscribe")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "One-click unsubscribe from notification mail (RFC 8058)",
            description = "The URL of a notification mail's List-Unsubscribe header: a POST (its body, List-Unsubscribe=One-Click, is not needed) turns the token's account's notification mail OFF, without signing in. Again is fine.")
    @APIResponse(responseCode = "200", description = "Notification mail is off", content = @Content(schema = @Schema(implementation = MailSettingView.class)))
    @APIResponse(responseCode = "400", description = "A link cut short (unsubscribe-link-incomplete) or not signed by Moim (unsubscribe-link-invalid)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MailSettingView unsubscribe(@QueryParam("token") @Parameter(description = "From the mail's link") String token) {
        preferences.unsubscribe(token);
        return new MailSettingView(MailMode.OFF);
    }
}
