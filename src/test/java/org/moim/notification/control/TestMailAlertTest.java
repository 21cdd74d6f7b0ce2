package org.moim.notification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

class TestMailAlertTest {

    private final String accountId = UUID.randomUUID().toString();

    @Test
    void itsPayloadReadsBack() {
        TestMailAlert alert = new TestMailAlert(accountId);
        Envelope envelope = Envelope.parse(new Envelope(TestMailAlert.TYPE, TestMailAlert.VERSION, "k", alert.payload()).toJson());

        assertThat(TestMailAlert.from(envelope)).isEqualTo(alert);
    }

    @Test
    void otherTypesAndVersionsAreRefused() {
        JsonObject payload = new TestMailAlert(accountId).payload();

        assertThatThrownBy(() -> TestMailAlert.from(new Envelope("welcome-mail", 1, "k", payload)))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("welcome-mail");
        assertThatThrownBy(() -> TestMailAlert.from(new Envelope(TestMailAlert.TYPE, 2, "k", payload)))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("version 2");
    }

    @Test
    void aPayloadWithoutAnAccountIdIsRefused() {
        for (JsonObject payload : new JsonObject[] {
            JsonObject.EMPTY_JSON_OBJECT,
            Json.createObjectBuilder().add("accountId", 42).build(),
            Json.createObjectBuilder().add("accountId", "short").build(),
            Json.createObjectBuilder().addNull("accountId").build()}) {
            assertThatThrownBy(() -> TestMailAlert.from(new Envelope(TestMailAlert.TYPE, 1, "k", payload)))
                    .as(payload.toString()).isInstanceOf(MalformedMessage.class);
        }
    }

    @Test
    void theTestMailSpeaksEnglishAndKorean() {
        assertThat(Alerts.TEST_MAIL_TEXT).contains("test mail").contains("테스트 메일");
    }
}
