package org.moim.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.identity.control.EmailVerifications;
import org.moim.platform.problem.Problem;

/** The link in a verification mail: works signed in or not (docs/security.md, Verified addresses). */
@Path("auth/email-verification")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@APIResponse(responseCode = "400", description = "Invalid request, or a link cut short (verify-link-incomplete) or not sent by Moim (verify-link-invalid)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "410", description = "The link was used or replaced (verify-link-used) or expired (verify-link-expired)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EmailVerificationResource {

    @Inject
    EmailVerifications verifications;

    @Schema(name = "EmailVerificationLink")
    public static class LinkRequest {
        @Schema(description = "The token from the link in the mail.")
        @NotNull @Size(max = 200)
        public String token;
    }

    @POST
    @Path("check")
    @PermitAll
    @Transactional
    @Operation(operationId = "authenticationVerificationCheck", summary = "Whether a verification link can be used",
            description = "204, or the problem the link has.")
    @APIResponse(responseCode = "204", description = "The link can be used")
    public Response check(@Valid @NotNull LinkRequest body) {
        verifications.check(body.token);
        return Response.noContent().build();
    }

    @POST
    @Path("confirm")
    @PermitAll
    @Transactional
    @Operation(operationId = "authenticationVerificationConfirm", summary = "Verify an address through its link",
            description = "The address becomes the account's, verified (for a change of address, only now); every other link of the account is spent.")
    @APIResponse(responseCode = "204", description = "Verified")
    @APIResponse(responseCode = "409", description = "Another account took the new address meanwhile (email-taken)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(@Valid @NotNull LinkRequest body) {
        verifications.confirm(body.token);
        return Response.noContent().build();
    }
}
