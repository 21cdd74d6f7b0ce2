package org.moim.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/**
 * The alert {@code notification-mail} v1: one mail (a digest, or one notification at once) to an
 * account about notifications it has not seen. Payload {@code {"accountId", "notificationIds",
 * "appUrl"}}: the words are composed when it is sent, from what the account may still read then.
 */
public record NotificationMailAlert(String accountId, List<String> notificationIds, String appUrl) {

    public static final String TYPE = "notification-mail";
    public static final int VERSION = 1;

    public NotificationMailAlert {
        notificationIds = List.copyOf(notificationIds);
    }

    public JsonObject payload() {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        notificationIds.forEach(ids::add);
        return Json.createObjectBuilder().add("accountId", accountId).add("notificationIds", ids).add("appUrl", appUrl).build();
    }

    public static NotificationMailAlert from(Envelope envelope) {
        if (!TYPE.equals(envelope.type()) || envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + envelope.type() + " version " + envelope.version());
        }
        JsonObject payload = envelope.payload();
        if (!(payload.get("accountId") instanceof JsonString account) || !(payload.get("appUrl") instanceof JsonString url)
                || !(payload.get("notificationIds") instanceof JsonArray ids)
                || !ids.stream().allMatch(JsonString.class::isInstance)) {
            throw new MalformedMessage(TYPE + " needs payload.accountId, payload.appUrl (strings) and payload.notificationIds (strings)");
        }
        return new NotificationMailAlert(account.getString(), ids.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                url.getString());
    }
}
