package org.moim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

    @Test
    void anEnvelopeReadsBackAsItWasWritten() {
        Envelope sent = new Envelope("test-mail", 1, "key-1", Json.createObjectBuilder().add("accountId", "김지우").build());

        Envelope read = Envelope.parse(sent.toJson());

        assertThat(read).isEqualTo(sent);
        assertThat(sent.toJson()).startsWith("{\"type\":\"test-mail\",\"version\":1,\"idempotencyKey\":\"key-1\",\"payload\":{");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "not json", "[]", "42", "{}",
        "{\"version\":1,\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":\"\",\"version\":1,\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":7,\"version\":1,\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":\"t\",\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":\"t\",\"version\":\"1\",\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":\"t\",\"version\":0,\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":\"t\",\"version\":1.5,\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":\"t\",\"version\":99999999999,\"idempotencyKey\":\"k\",\"payload\":{}}",
        "{\"type\":\"t\",\"version\":1,\"payload\":{}}",
        "{\"type\":\"t\",\"version\":1,\"idempotencyKey\":null,\"payload\":{}}",
        "{\"type\":\"t\",\"version\":1,\"idempotencyKey\":\"k\"}",
        "{\"type\":\"t\",\"version\":1,\"idempotencyKey\":\"k\",\"payload\":[]}",
        "{\"type\":\"t\",\"version\":1,\"idempotencyKey\":\"k\",\"payload\":\"{}\"}"
    })
    void anythingButAWellFormedEnvelopeIsRefused(String text) {
        assertThatThrownBy(() -> Envelope.parse(text)).isInstanceOf(MalformedMessage.class);
    }

    @Test
    void overlongKeysAreRefused() {
        String json = "{\"type\":\"t\",\"version\":1,\"idempotencyKey\":\"" + "k".repeat(65) + "\",\"payload\":{}}";

        assertThatThrownBy(() -> Envelope.parse(json)).isInstanceOf(MalformedMessage.class).hasMessageContaining("idempotencyKey");
    }

    @Test
    void aNullBodyIsRefused() {
        assertThatThrownBy(() -> Envelope.parse(null)).isInstanceOf(MalformedMessage.class);
    }
}
