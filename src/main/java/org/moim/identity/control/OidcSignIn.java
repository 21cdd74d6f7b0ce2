package org.moim.identity.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.moim.platform.persistence.DuplicateKeys;
import org.moim.platform.security.RateLimiter;

/**
 * Sign-in through the configured OpenID provider: the authorization code flow with PKCE (RFC 7636)
 * and a nonce. {@link #start} sends the browser to the provider; {@link #callback} checks what
 * comes back, redeems the code, verifies the ID token and hands the browser a one-time code for
 * its tokens. Every failure is an {@link OidcRefused}, raised before anything is provisioned.
 */
@ApplicationScoped
public class OidcSignIn {

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    @Inject
    OidcAttempts attempts;

    @Inject
    OidcAccounts accounts;

    @Inject
    Clock clock;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    /** Where to send the browser, and the secret its cookie must carry back. */
    public record Redirect(String location, String browserSecret) {
    }

    /** Needs a transaction (the attempt is stored). {@code callbackUri}: this server's callback, unless configured. */
    public Redirect start(String callbackUri, String clientAddress) {
        if (!settings.enabled()) {
            throw OidcRefused.notConfigured();
        }
        limiter.acquire(limits.oidcStartsPerAddress(), clientAddress);
        OidcProvider.Metadata metadata = provider.metadata();
        String redirectUri = settings.redirectUri().orElse(callbackUri);
        OidcAttempts.Begun begun = attempts.begin(redirectUri);
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId().orElseThrow());
        query.put("redirect_uri", redirectUri);
        query.put("scope", settings.scopes());
        query.put("state", begun.state());
        query.put("nonce", begun.nonce());
        query.put("code_challenge", begun.codeChallenge());
        query.put("code_challenge_method", "S256");
        String endpoint = metadata.authorizationEndpoint();
        String location = endpoint + (endpoint.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new Redirect(location, begun.browserSecret());
    }

    /**
     * The provider's answer. Runs outside a transaction: the attempt is spent in one of its own
     * (so a replay fails although this one does too), the account found or made in another.
     * Returns the one-time code the browser collects its tokens with.
     */
    public String callback(String state, String code, String error, String browserSecret) {
        if (!settings.enabled()) {
            throw OidcRefused.notConfigured();
        }
        if (error != null) {
            attempts.abandon(state);
            throw OidcRefused.denied(error);
        }
        OidcAttempts.Claimed claimed = attempts.claim(state, browserSecret);
        if (code == null || code.isBlank()) {
            throw OidcRefused.codeRejected("no code");
        }
        String idToken = provider.redeem(code, claimed.codeVerifier(), claimed.redirectUri());
        var verifier = new IdTokenVerifier(provider.metadata().issuer(), settings.clientId().orElseThrow(), provider.keys(), clock);
        JWTClaimsSet claims = verifier.verify(idToken, claimed.nonce());
        try {
            return accounts.signIn(claims);
        } catch (RuntimeException e) {
            if (!DuplicateKeys.in(e)) {
                throw e;
            }
            // A first sign-in of the same person in two tabs (or a double click) at once: both
            // provisioned, one won the unique keys. The identity is linked now; find it.
            return accounts.signIn(claims);
        }
    }

    /** Where the browser ends the provider's session too at sign-out, or null (docs/security.md). */
    public String endSessionUrl(String postLogoutRedirectUri) {
        if (!settings.enabled() || !settings.logoutAtProvider()) {
            return null;
        }
        try {
            String endpoint = provider.metadata().endSessionEndpoint();
            if (endpoint == null) {
                return null;
            }
            return endpoint + (endpoint.contains("?") ? "&" : "?")
                    + "client_id=" + encode(settings.clientId().orElseThrow())
                    + "&post_logout_redirect_uri=" + encode(postLogoutRedirectUri);
        } catch (OidcRefused unavailable) {
            return null;  // the provider is down: signing out of Moim still works
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
