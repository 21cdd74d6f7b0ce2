package org.moim.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.identity.control.PasswordResets;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.ClientAddresses;
import org.moim.platform.web.AppUrls;

/** Password reset by mail (docs/security.md, Password reset). */
@Path("auth/password-reset")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@APIResponse(responseCode = "400", description = "Invalid request, or a link cut short (reset-link-incomplete) or not sent by Moim (reset-link-invalid)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PasswordResetResource {

    @Inject
    PasswordResets resets;

    @Inject
    ClientAddresses addresses;

    @Inject
    @ConfigProperty(name = "moim.mail.public-url")
    Optional<String> publicUrl;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @Schema(name = "PasswordResetRequest")
    public static class ResetRequest {
        @NotNull @Size(max = 254)
        public String email;
    }

    @Schema(name = "PasswordResetLink")
    public static class LinkRequest {
        @Schema(description = "The token from the link in the mail.")
        @NotNull @Size(max = 200)
        public String token;
    }

    @Schema(name = "PasswordResetConfirmation")
    public static class ConfirmRequest {
        @NotNull @Size(max = 200)
        public String token;

        @Schema(description = "10 to 128 characters, not the email address, not a common password.")
        @NotNull @Size(max = 1024)
        public String newPassword;
    }

    @POST
    @PermitAll
    @Transactional
    @Operation(summary = "Ask for a password reset link by mail",
            description = "Always 202 with no body, whether or not the address has an account; at most a few mails per account per window.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "429", description = "Too many requests from this client address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@Valid @NotNull ResetRequest body) {
        resets.request(body.email, addresses.of(request), appUrl());
        return Response.accepted().build();
    }

    @POST
    @Path("check")
    @PermitAll
    @Transactional
    @Operation(summary = "Whether a reset link can be used", description = "204, or the problem the link has.")
    @APIResponse(responseCode = "204", description = "The link can be used")
    @APIResponse(responseCode = "410", description = "The link was used (reset-link-used) or expired (reset-link-expired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response check(@Valid @NotNull LinkRequest body) {
        resets.check(body.token);
        return Response.noContent().build();
    }

    @POST
    @Path("confirm")
    @PermitAll
    @Transactional
    @Operation(summary = "Set a new password through a reset link",
            description = "Ends every session of the account and mails its owner. Sign in with the new password afterwards.")
    @APIResponse(responseCode = "204", description = "The password is replaced")
    @APIResponse(responseCode = "410", description = "The link was used (reset-link-used) or expired (reset-link-expired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(@Valid @NotNull ConfirmRequest body) {
        resets.complete(body.token, body.newPassword);
        return Response.noContent().build();
    }

    private String appUrl() {
        return AppUrls.root(publicUrl, uri);
    }
}
