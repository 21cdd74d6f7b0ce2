package org.moim.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyInHex() {
        // Computed independently: printf '1700000000.{"text":"hi"}' | openssl dgst -sha256 -hmac 'whsec_test'
        String header = WebhookSignatures.header("whsec_test", 1_700_000_000L, "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("t=1700000000,v1=add2fc7010ee7aa23f65449ce9240cd32763de7515ca26c43cd1e9d447a5361a");
    }

    @Test
    void anotherBodyTimeOrSecretGivesAnotherSignature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignatures.hmac("whsec_a", 1, body);

        assertThat(WebhookSignatures.hmac("whsec_a", 2, body)).isNotEqualTo(signature);
        assertThat(WebhookSignatures.hmac("whsec_b", 1, body)).isNotEqualTo(signature);
        assertThat(WebhookSignatures.hmac("whsec_a", 1, "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
        assertThat(WebhookSignatures.hmac("whsec_a", 1, body)).isEqualTo(signature);
    }

    @Test
    void secretsAreLongRandomAndSayWhatTheyAre() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            secrets.add(WebhookSignatures.newSecret());
        }
        assertThat(secrets).hasSize(100).allSatisfy(s -> assertThat(s).matches("whsec_[A-Za-z0-9_-]{43}"));
    }
}
