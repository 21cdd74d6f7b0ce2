package org.moim.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.security.SigningKeyConfigSource.Pem;
import org.moim.platform.web.MoimApi;

/**
 * Issues RS256 access tokens that MicroProfile JWT verifies: {@code iss}, {@code aud},
 * {@code sub} and {@code upn} (the account id), {@code jti}, {@code iat}, {@code exp},
 * {@code groups} and {@code sid} (the sign-in session).
 */
@ApplicationScoped
public class AccessTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    @ConfigProperty(name = "moim.auth.access-token-ttl", defaultValue = "PT15M")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "moim.jwt.private-key")
    String privateKeyPem;

    private PrivateKey key;

    /** A signed token and the facts about it the caller records. */
    public record Issued(String token, String jti, Instant expiresAt, long expiresIn) {
    }

    @PostConstruct
    void loadKey() {
        try {
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(privateKeyPem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("moim.jwt.private-key is not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    public Issued issue(String accountId, String sessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        String jti = UUID.randomUUID().toString();
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        String claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience.split(",")[0].trim())
                .add("sub", accountId)
                .add("upn", accountId)
                .add("jti", jti)
                .add("sid", sessionId)
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("groups", Json.createArrayBuilder().add(MoimApi.USER))
                .build().toString();
        String signingInput = encode(header) + "." + encode(claims);
        return new Issued(signingInput + "." + sign(signingInput), jti, expires, ttl.toSeconds());
    }

    private String sign(String signingInput) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
