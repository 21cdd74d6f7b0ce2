package org.moim.call.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials in the "TURN REST API" scheme that coturn implements
 * ({@code use-auth-secret} with {@code static-auth-secret}): the user name is
 * {@code <expiry as Unix seconds>:<account id>}, the password is
 * {@code base64(HMAC-SHA1(secret, user name))}. The TURN server recomputes it from the shared
 * secret and refuses it after the expiry; no password is ever stored or shipped.
 */
public final class TurnCredentials {

    public record Credential(String username, String credential, Instant expiresAt) {
    }

    private TurnCredentials() {
    }

    public static Credential issue(String secret, String accountId, Instant expiresAt) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A TURN secret is required");
        }
        String username = expiresAt.getEpochSecond() + ":" + accountId;
        return new Credential(username, sign(secret, username), Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    static String sign(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }
}
