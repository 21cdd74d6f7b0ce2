package org.moim.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/**
 * The alert {@code mail} v1: a plain-text mail that another feature wrote (billing's receipts),
 * to an account's current address. Payload {@code {"accountId", "subject", "text"}}.
 */
public record MailAlert(String accountId, String subject, String text) {

    public static final String TYPE = "mail";
    public static final int VERSION = 1;
    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 20_000;

    public MailAlert {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        if (text == null || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT + " characters");
        }
    }

    public JsonObject payload() {
        return Json.createObjectBuilder().add("accountId", accountId).add("subject", subject).add("text", text).build();
    }

    public static MailAlert from(Envelope envelope) {
        if (!TYPE.equals(envelope.type())) {
            throw new MalformedMessage("unknown alert type " + envelope.type());
        }
        if (envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + TYPE + " version " + envelope.version());
        }
        JsonObject payload = envelope.payload();
        for (String name : new String[] {"accountId", "subject", "text"}) {
            if (!(payload.get(name) instanceof jakarta.json.JsonString)) {
                throw new MalformedMessage(TYPE + " needs payload." + name + ", a string");
            }
        }
        try {
            return new MailAlert(payload.getString("accountId"), payload.getString("subject"), payload.getString("text"));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage(TYPE + ": " + e.getMessage());
        }
    }

    static boolean is(Envelope envelope) {
        return TYPE.equals(envelope.type());
    }

}
