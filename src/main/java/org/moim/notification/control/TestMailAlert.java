package org.moim.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/** The alert {@code test-mail} v1: send the test mail to this account. Payload {@code {"accountId"}}. */
public record TestMailAlert(String accountId) {

    public static final String TYPE = "test-mail";
    public static final int VERSION = 1;

    public JsonObject payload() {
        return Json.createObjectBuilder().add("accountId", accountId).build();
    }

    public static TestMailAlert from(Envelope envelope) {
        if (!TYPE.equals(envelope.type())) {
            throw new MalformedMessage("unknown alert type " + envelope.type());
        }
        if (envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + TYPE + " version " + envelope.version());
        }
        JsonValue id = envelope.payload().get("accountId");
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING || envelope.payload().getString("accountId").length() != 36) {
            throw new MalformedMessage(TYPE + " needs payload.accountId, an account id");
        }
        return new TestMailAlert(envelope.payload().getString("accountId"));
    }
}
