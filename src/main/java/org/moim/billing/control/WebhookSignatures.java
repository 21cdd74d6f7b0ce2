package org.moim.billing.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures in Stripe's scheme (the sandbox uses it too): a header
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} (several {@code v1} allowed,
 * for secret rotation). A signature is accepted when one {@code v1} matches (compared in constant
 * time) and {@code t} is within the tolerance of now, in either direction.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** @throws WebhookRejected when the header is missing, malformed, forged or stale */
    public static void verify(String header, byte[] body, String secret, Duration tolerance, Instant now) {
        if (secret == null || secret.isBlank()) {
            throw new WebhookRejected("No webhook secret is configured for this provider.");
        }
        if (header == null || header.isBlank()) {
            throw new WebhookRejected("The signature header is missing.");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new WebhookRejected("The signature header's timestamp is not a number.");
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookRejected("The signature header has no timestamp or no v1 signature.");
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (String signature : signatures) {
            matches |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        if (!matches) {
            throw new WebhookRejected("The signature does not match the body.");
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            throw new WebhookRejected("The signature's timestamp is " + age + " s away from now (tolerance "
                    + tolerance.toSeconds() + " s): stale or replayed.");
        }
    }
}
