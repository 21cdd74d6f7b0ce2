package org.moim.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.identity.control.EmailVerifications;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.AppUrls;
import org.moim.platform.web.MoimApi;

/** The signed-in person's address: a new verification link, or a move to another address (verified first). */
@Path("me/email")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Me")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Too many links for this account or address (rate-limited)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MyEmailResource {

    @Inject
    EmailVerifications verifications;

    @Inject
    JsonWebToken jwt;

    @Inject
    @ConfigProperty(name = "moim.mail.public-url")
    Optional<String> publicUrl;

    @Context
    UriInfo uri;

    @Schema(name = "ChangeEmailRequest")
    public static class ChangeRequest {
        @NotNull @Email @Size(max = 254)
        public String email;

        @NotNull @Size(max = 1024)
        public String currentPassword;
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move to another address",
            description = "Mails a link to the new address; the account keeps its address until that link is opened.")
    @APIResponse(responseCode = "202", description = "The link is on its way")
    @APIResponse(responseCode = "400", description = "Not an address, or the current one; wrong current password (wrong-password)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another account has that address (email-taken)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@Valid @NotNull ChangeRequest body) {
        verifications.requestChange(jwt.getSubject(), body.email, body.currentPassword, AppUrls.root(publicUrl, uri));
        return Response.accepted().build();
    }

    @POST
    @Path("verification")
    @Transactional
    @Operation(summary = "Mail me a new verification link", description = "Links mailed earlier keep working until they expire or one is opened.")
    @APIResponse(responseCode = "202", description = "The link is on its way")
    @APIResponse(responseCode = "409", description = "The address is verified already (email-verified-already)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resend() {
        verifications.resend(jwt.getSubject(), AppUrls.root(publicUrl, uri));
        return Response.accepted().build();
    }
}
