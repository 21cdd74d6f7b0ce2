package org.moim.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.ProblemType;

/** The ID token checks of OpenID Connect Core 3.1.3.7, each refused with its own problem type. */
class IdTokenVerifierTest {

    private static final String ISSUER = "https://id.example.test/realms/moim";
    private static final String CLIENT = "moim";
    private static final String NONCE = "nonce-of-this-sign-in";
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private final RSAKey providerKey = rsa("provider-key");
    private final RSAKey otherKey = rsa("provider-key");  // same key id, another key: a forgery
    private final IdTokenVerifier verifier = new IdTokenVerifier(ISSUER, CLIENT,
            new ImmutableJWKSet<SecurityContext>(new JWKSet(providerKey.toPublicJWK())), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenSignedByTheProviderForThisClientAndSignInIsAccepted() {
        JWTClaimsSet claims = verifier.verify(sign(providerKey, c -> c), NONCE);

        assertThat(claims.getSubject()).isEqualTo("subject-1");
        assertThat(claims.getClaim("email")).isEqualTo("someone@example.test");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedAsSuch() {
        assertRefused(sign(providerKey, c -> c.issuer("https://evil.example.test/realms/moim")), OidcRefused.WRONG_ISSUER);
    }

    @Test
    void aForgedSignatureIsRefused() {
        assertRefused(sign(otherKey, c -> c), OidcRefused.TOKEN_INVALID);
    }

    @Test
    void anUnsignedOrHmacTokenIsRefused() throws JOSEException {
        String plain = new PlainJWT(claims(c -> c).build()).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(c -> c).build());
        hmac.sign(new MACSigner("a shared secret of at least 256 bits!!".getBytes()));

        assertRefused(plain, OidcRefused.TOKEN_INVALID);
        assertRefused(hmac.serialize(), OidcRefused.TOKEN_INVALID);
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        assertRefused(sign(providerKey, c -> c.audience("another-client")), OidcRefused.TOKEN_INVALID);
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(sign(providerKey, c -> c.expirationTime(Date.from(NOW.minus(Duration.ofMinutes(5))))), OidcRefused.TOKEN_INVALID);
    }

    @Test
    void aTokenWithTheNonceOfAnotherSignInIsRefused() {
        assertRefused(sign(providerKey, c -> c.claim("nonce", "a-replayed-nonce")), OidcRefused.TOKEN_INVALID);
        assertRefused(sign(providerKey, c -> c.claim("nonce", null)), OidcRefused.TOKEN_INVALID);
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not.a.token", OidcRefused.TOKEN_INVALID);
    }

    private void assertRefused(String token, ProblemType type) {
        assertThatThrownBy(() -> verifier.verify(token, NONCE))
                .isInstanceOfSatisfying(OidcRefused.class, refused -> {
                    assertThat(refused.type()).isEqualTo(type);
                    assertThat(refused.getMessage()).doesNotContain(NONCE);
                });
    }

    private static JWTClaimsSet.Builder claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("subject-1")
                .audience(CLIENT)
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .claim("nonce", NONCE)
                .claim("email", "someone@example.test"));
    }

    private static String sign(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims(change).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
