package org.moim.file.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/** The conversion {@code voice} v1: convert this voice recording for playback. Payload {@code {"fileId"}}. */
public record VoiceRequest(String fileId) {

    public static final String TYPE = "voice";
    public static final int VERSION = 1;

    public JsonObject payload() {
        return Json.createObjectBuilder().add("fileId", fileId).build();
    }

    public static VoiceRequest from(Envelope envelope) {
        if (!TYPE.equals(envelope.type())) {
            throw new MalformedMessage("unknown conversion type " + envelope.type());
        }
        if (envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + TYPE + " version " + envelope.version());
        }
        JsonValue id = envelope.payload().get("fileId");
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING || envelope.payload().getString("fileId").length() != 36) {
            throw new MalformedMessage(TYPE + " needs payload.fileId, a file id");
        }
        return new VoiceRequest(envelope.payload().getString("fileId"));
    }
}
