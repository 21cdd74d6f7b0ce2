package org.moim.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.identity.control.AuthMethods;
import org.moim.identity.control.Client;
import org.moim.identity.control.OidcAccounts;
import org.moim.identity.control.OidcSettings;
import org.moim.identity.control.OidcSignIn;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.ClientAddresses;
import org.moim.platform.web.MoimApi;

/** Single sign-on through the configured OpenID provider (docs/security.md), and which ways of signing in exist. */
@Path("auth")
@RequestScoped
@Tag(name = "Authentication")
public class OidcResource {

    /** Binds a callback to the browser that started the sign-in (only its hash is stored). */
    static final String COOKIE = "moim_oidc";
    private static final String CALLBACK_PATH = "/" + MoimApi.PATH + "/auth/oidc/callback";

    @Inject
    AuthMethods methods;

    @Inject
    OidcSettings settings;

    @Inject
    OidcSignIn oidc;

    @Inject
    OidcAccounts accounts;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Path("methods")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How this instance signs people in")
    @APIResponse(responseCode = "200", description = "Password sign-in on or off, and the identity provider if one is configured",
            content = @Content(schema = @Schema(implementation = AuthMethodsView.class)))
    public AuthMethodsView methods() {
        String label = methods.providerLabel();
        AuthMethodsView.Provider provider = label == null ? null
                : new AuthMethodsView.Provider(label, "/" + MoimApi.PATH + "/auth/oidc/start", oidc.endSessionUrl(appRoot().toString()));
        return new AuthMethodsView(methods.passwords(), provider);
    }

    @GET
    @Path("oidc/start")
    @PermitAll
    @Transactional
    @Operation(summary = "Sign in through the identity provider (a page load)",
            description = "Redirects the browser to the provider with a fresh state, nonce and PKCE challenge, and sets a short-lived cookie that binds the callback to this browser.")
    @APIResponse(responseCode = "303", description = "To the provider's sign-in page")
    @APIResponse(responseCode = "404", description = "No provider configured", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many sign-ins started from this address; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The provider cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        OidcSignIn.Redirect redirect = oidc.start(appRoot().resolve(CALLBACK_PATH).toString(), addresses.of(request));
        return Response.seeOther(URI.create(redirect.location()))
                .cookie(cookie(redirect.browserSecret(), (int) settings.signInTimeout().toSeconds()))
                .build();
    }

    @GET
    @Path("oidc/callback")
    @PermitAll
    @Operation(summary = "Where the identity provider sends the browser back",
            description = "Checks the state against the browser's cookie (once), redeems the code with the PKCE verifier, verifies the ID token (signature, issuer, audience, expiry, nonce), then finds, links or provisions the account. Redirects to the app with a one-time code in the fragment; a browser whose sign-in failed is redirected to the sign-in screen, which explains the problem type.")
    @APIResponse(responseCode = "303", description = "To the app, signed in (or to the sign-in screen with the problem)")
    @APIResponse(responseCode = "400", description = "Forged, replayed or expired state; code rejected", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "ID token not valid or from another issuer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Denied by the provider, or email domain not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An account has this email, and the provider has not verified it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The provider cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
                             @QueryParam("error") String error, @CookieParam(COOKIE) String browserSecret) {
        String handoff = oidc.callback(state, code, error, browserSecret);
        return Response.seeOther(URI.create("/#/oidc/" + handoff)).cookie(cookie("", 0)).build();
    }

    @POST
    @Path("oidc/token")
    @PermitAll
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Collect the tokens of a completed single sign-on", description = "Spends the one-time code of the callback; the same tokens as password sign-in.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Code used already or expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse collect(@Valid @NotNull CollectTokensRequest body) {
        return TokenResponse.from(accounts.collect(body.code, new Client(addresses.of(request), request.getHeader(HttpHeaders.USER_AGENT))));
    }

    /** The app's root as this request reached it. */
    private URI appRoot() {
        return uri.getBaseUri().resolve("/");
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(CALLBACK_PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(addresses.secure(request))
                // Lax: sent on the provider's top-level redirect back to the callback.
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
