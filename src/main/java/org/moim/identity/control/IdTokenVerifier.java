package org.moim.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an ID token as OpenID Connect Core 1.0, section 3.1.3.7 asks: signed (RS/PS/ES, never
 * "none" or HMAC) by a key from the provider's JWKS, issued by the configured issuer, for this
 * client, unexpired, and carrying the nonce of this sign-in.
 */
public class IdTokenVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final int CLOCK_SKEW_SECONDS = 60;

    private final String issuer;
    private final String clientId;
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;

    public IdTokenVerifier(String issuer, String clientId, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer);
        this.clientId = Objects.requireNonNull(clientId);
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The token's claims; {@link OidcRefused} of type wrong-issuer or token-invalid otherwise. */
    public JWTClaimsSet verify(String idToken, String expectedNonce) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
            // Looked at before the signature only to say which problem it is; refused either way.
            if (!issuer.equals(jwt.getJWTClaimsSet().getIssuer())) {
                throw OidcRefused.wrongIssuer();
            }
        } catch (ParseException e) {
            throw OidcRefused.tokenInvalid("not a signed JWT");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                clientId,
                new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", expectedNonce).build(),
                Set.of("sub", "iat", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return processor.process(jwt, null);
        } catch (BadJWTException e) {
            throw OidcRefused.tokenInvalid(reason(e.getMessage()));
        } catch (BadJOSEException e) {
            throw OidcRefused.tokenInvalid("its signature does not verify against the provider's keys");
        } catch (JOSEException e) {
            throw OidcRefused.unavailable("the provider's keys could not be read");
        }
    }

    /** Nimbus's reason in words that name no value (its nonce message quotes the expected one). */
    private static String reason(String message) {
        String text = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("nonce")) {
            return "its nonce does not belong to this sign-in";
        } else if (text.contains("expired")) {
            return "it has expired";
        } else if (text.contains("audience")) {
            return "it was issued to another client";
        } else if (text.contains("missing")) {
            return "a required claim is missing";
        }
        return "its claims are not acceptable";
    }
}
