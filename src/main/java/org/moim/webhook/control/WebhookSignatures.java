package org.moim.webhook.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets and signatures. A delivery carries
 * {@code Moim-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed with the
 * webhook's secret (the whole {@code whsec_…} text, as UTF-8) over {@code <t>.<body>}: the
 * timestamp, a dot and the exact body bytes. docs/webhooks.md shows how to verify it.
 */
public final class WebhookSignatures {

    public static final String HEADER = "Moim-Signature";
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new secret: 32 random bytes, base64url, with a prefix that says what it is. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for this body, signed at {@code epochSecond}. */
    public static String header(String secret, long epochSecond, byte[] body) {
        return "t=" + epochSecond + ",v1=" + hmac(secret, epochSecond, body);
    }

    public static String hmac(String secret, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSecond + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
