package org.moim.identity.boundary;

import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.control.EmailVerifications;
import org.moim.platform.web.AppUrls;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.identity.control.Client;
import org.moim.identity.control.InvalidRefreshToken;
import org.moim.identity.control.LoginSessions;
import org.moim.identity.control.Registration;
import org.moim.identity.control.SignIn;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.ClientAddresses;
import org.moim.platform.web.MoimApi;

@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Accounts, sign-in and tokens.")
@APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuthResource {

    @Inject
    Registration registration;

    @Inject
    SignIn signIn;

    @Inject
    EmailVerifications verifications;

    @Inject
    @ConfigProperty(name = "moim.mail.public-url")
    Optional<String> publicUrl;

    @Context
    UriInfo uri;

    @Inject
    LoginSessions sessions;

    @Inject
    ClientAddresses addresses;

    @Inject
    JsonWebToken jwt;

    @Context
    HttpServletRequest request;

    @POST
    @Path("register")
    @PermitAll
    @Transactional
    @Operation(summary = "Create an account", description = "Mails a link that verifies the address (docs/security.md, Verified addresses).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "The email is registered already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull RegisterRequest body) {
        var account = registration.register(body.email, body.password, body.displayName, body.locale, body.timeZone, client());
        verifications.afterSignUp(account, AppUrls.root(publicUrl, uri));
        return Response.created(URI.create("/" + MoimApi.PATH + "/me")).entity(AccountView.from(account)).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Transactional
    @Operation(summary = "Sign in with email and password")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse login(@Valid @NotNull LoginRequest body) {
        return TokenResponse.from(signIn.withPassword(body.email, body.password, client()));
    }

    @POST
    @Path("refresh")
    @PermitAll
    // A replayed token ends its session, and that must stick although the request fails.
    @Transactional(dontRollbackOn = InvalidRefreshToken.class)
    @Operation(summary = "Exchange a refresh token for a new token pair",
            description = "The refresh token is spent; presenting it again signs the whole session out.")
    @APIResponse(responseCode = "200", description = "New tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse refresh(@Valid @NotNull RefreshRequest body) {
        return TokenResponse.from(sessions.refresh(body.refreshToken, client()));
    }

    @POST
    @Path("logout")
    @RolesAllowed(MoimApi.USER)
    @Transactional
    @SecurityRequirement(name = MoimApi.BEARER)
    @Operation(summary = "Sign out this session", description = "Ends the session's refresh tokens; the access token is refused at once on every node.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response logout() {
        sessions.logout(jwt.getSubject(), jwt.getClaim("sid"), jwt.getTokenID(), client().ipAddress());
        return Response.noContent().build();
    }

    private Client client() {
        return new Client(addresses.of(request), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
