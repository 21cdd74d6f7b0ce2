package org.moim.webhook.control;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;
import org.moim.webhook.entity.WebhookDelivery;

/**
 * The message {@code webhook-delivery} v1 on {@code moim.webhooks}: make the attempt of this
 * delivery that {@code attemptKey} stands for. Payload {@code {"deliveryId", "attemptKey"}}; the
 * envelope's idempotency key is the attempt key.
 */
public record DeliveryMessage(String deliveryId, String attemptKey) {

    public static final String TYPE = "webhook-delivery";
    public static final int VERSION = 1;

    static Envelope envelope(WebhookDelivery delivery) {
        return new Envelope(TYPE, VERSION, delivery.attemptKey(), Json.createObjectBuilder()
                .add("deliveryId", delivery.id()).add("attemptKey", delivery.attemptKey()).build());
    }

    public static DeliveryMessage from(Envelope envelope) {
        if (!TYPE.equals(envelope.type())) {
            throw new MalformedMessage("unknown webhook message type " + envelope.type());
        }
        if (envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + TYPE + " version " + envelope.version());
        }
        return new DeliveryMessage(id(envelope, "deliveryId"), id(envelope, "attemptKey"));
    }

    private static String id(Envelope envelope, String name) {
        JsonValue value = envelope.payload().get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING || envelope.payload().getString(name).length() != 36) {
            throw new MalformedMessage(TYPE + " needs payload." + name + ", an id");
        }
        return envelope.payload().getString(name);
    }
}
