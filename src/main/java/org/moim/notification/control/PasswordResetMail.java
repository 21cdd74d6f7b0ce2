package org.moim.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/**
 * The alert {@code password-reset-mail} v1: the mail with a password reset link. Payload
 * {@code {"resetId", "appUrl"}}: the link's secret is minted when the mail is sent, so it is in
 * no message and no job row.
 */
public record PasswordResetMail(String resetId, String appUrl) {

    public static final String TYPE = "password-reset-mail";
    public static final int VERSION = 1;

    public JsonObject payload() {
        return Json.createObjectBuilder().add("resetId", resetId).add("appUrl", appUrl).build();
    }

    public static PasswordResetMail from(Envelope envelope) {
        if (!TYPE.equals(envelope.type()) || envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + envelope.type() + " version " + envelope.version());
        }
        JsonObject payload = envelope.payload();
        if (!(payload.get("resetId") instanceof JsonString id) || !(payload.get("appUrl") instanceof JsonString url)) {
            throw new MalformedMessage(TYPE + " needs payload.resetId and payload.appUrl, strings");
        }
        return new PasswordResetMail(id.getString(), url.getString());
    }
}
