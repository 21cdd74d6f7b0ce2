package org.moim.billing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final String SECRET = "whsec_test_secret";
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    private static void verify(String header, byte[] body) {
        WebhookSignatures.verify(header, body, SECRET, TOLERANCE, NOW);
    }

    @Test
    void aSignatureOfTheExactBodyWithinTheToleranceIsAccepted() {
        long t = NOW.getEpochSecond();
        assertThatCode(() -> verify(WebhookSignatures.header(SECRET, t, BODY), BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verify(WebhookSignatures.header(SECRET, t - 299, BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void theSchemeIsStripesHmacOfTimestampDotBody() {
        // echo -n '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test_secret
        assertThat(WebhookSignatures.sign(SECRET, 1700000000L, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ceb8863f7208fa249a6cd8f951e993c7563412aca65866f6272283debe143ab3");
        assertThat(WebhookSignatures.header(SECRET, 7, BODY)).startsWith("t=7,v1=").hasSize("t=7,v1=".length() + 64);
    }

    @Test
    void oneMatchingV1AmongSeveralIsEnoughForSecretRotation() {
        long t = NOW.getEpochSecond();
        String header = "t=" + t + ",v1=" + "a".repeat(64) + ",v1=" + WebhookSignatures.sign(SECRET, t, BODY) + ",v0=ignored";
        assertThatCode(() -> verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void forgedTamperedStaleAndMalformedSignaturesAreRejected() {
        long t = NOW.getEpochSecond();
        byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"payment.refunded\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verify(WebhookSignatures.header("another", t, BODY), BODY)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> verify(WebhookSignatures.header(SECRET, t, BODY), tampered)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> verify(WebhookSignatures.header(SECRET, t - 301, BODY), BODY))
                .isInstanceOf(WebhookRejected.class).hasMessageContaining("stale");
        assertThatThrownBy(() -> verify(WebhookSignatures.header(SECRET, t + 301, BODY), BODY)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> verify(null, BODY)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> verify("", BODY)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> verify("v1=" + WebhookSignatures.sign(SECRET, t, BODY), BODY)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> verify("t=" + t, BODY)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> verify("t=abc,v1=00", BODY)).isInstanceOf(WebhookRejected.class);
        String replayedWithNewTime = "t=" + (t + 1) + ",v1=" + WebhookSignatures.sign(SECRET, t, BODY);
        assertThatThrownBy(() -> verify(replayedWithNewTime, BODY)).as("the timestamp is signed too").isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> WebhookSignatures.verify(WebhookSignatures.header(SECRET, t, BODY), BODY, "", TOLERANCE, NOW))
                .as("no secret configured").isInstanceOf(WebhookRejected.class);
    }
}
