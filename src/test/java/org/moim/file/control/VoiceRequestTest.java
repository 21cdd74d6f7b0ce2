package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

class VoiceRequestTest {

    @Test
    void itsPayloadReadsBackAndOthersAreRefused() {
        VoiceRequest request = new VoiceRequest(UUID.randomUUID().toString());
        assertThat(VoiceRequest.from(Envelope.parse(new Envelope("voice", 1, "k", request.payload()).toJson()))).isEqualTo(request);

        assertThatThrownBy(() -> VoiceRequest.from(new Envelope("thumbnail", 1, "k", request.payload()))).isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> VoiceRequest.from(new Envelope("voice", 2, "k", request.payload()))).isInstanceOf(MalformedMessage.class);
        assertThatThrownBy(() -> VoiceRequest.from(new Envelope("voice", 1, "k", JsonObject.EMPTY_JSON_OBJECT))).isInstanceOf(MalformedMessage.class);
    }
}
