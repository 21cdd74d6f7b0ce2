package org.moim.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/**
 * The alert {@code email-verification-mail} v1: the mail with an address verification link.
 * Payload {@code {"verificationId", "appUrl"}}: the link's secret is minted when the mail is sent,
 * so it is in no message and no job row.
 */
public record VerificationMail(String verificationId, String appUrl) {

    public static final String TYPE = "email-verification-mail";
    public static final int VERSION = 1;

    public JsonObject payload() {
        return Json.createObjectBuilder().add("verificationId", verificationId).add("appUrl", appUrl).build();
    }

    public static VerificationMail from(Envelope envelope) {
        if (!TYPE.equals(envelope.type()) || envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + envelope.type() + " version " + envelope.version());
        }
        JsonObject payload = envelope.payload();
        if (!(payload.get("verificationId") instanceof JsonString id) || !(payload.get("appUrl") instanceof JsonString url)) {
            throw new MalformedMessage(TYPE + " needs payload.verificationId and payload.appUrl, strings");
        }
        return new VerificationMail(id.getString(), url.getString());
    }
}
