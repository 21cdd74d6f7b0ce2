package org.moim.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Optional;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/**
 * The alert {@code letter} v1: a {@link Letter} another feature composed, to an address that may
 * have no account (an invitation). Payload {@code {"to", "subject", "text", "html"}} and, for
 * notifications, {@code "unsubscribeUrl"}.
 */
public record LetterMail(String to, Letter letter) {

    public static final String TYPE = "letter";
    public static final int VERSION = 1;

    public JsonObject payload() {
        JsonObjectBuilder payload = Json.createObjectBuilder().add("to", to).add("subject", letter.subject())
                .add("text", letter.text()).add("html", letter.html());
        letter.unsubscribeUrl().ifPresent(url -> payload.add("unsubscribeUrl", url));
        return payload.build();
    }

    public static LetterMail from(Envelope envelope) {
        if (!TYPE.equals(envelope.type()) || envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + envelope.type() + " version " + envelope.version());
        }
        JsonObject payload = envelope.payload();
        for (String name : new String[] {"to", "subject", "text", "html"}) {
            if (!(payload.get(name) instanceof JsonString)) {
                throw new MalformedMessage(TYPE + " needs payload." + name + ", a string");
            }
        }
        Optional<String> unsubscribe = payload.get("unsubscribeUrl") instanceof JsonString url ? Optional.of(url.getString()) : Optional.empty();
        return new LetterMail(payload.getString("to"),
                new Letter(payload.getString("subject"), payload.getString("text"), payload.getString("html"), unsubscribe));
    }
}
