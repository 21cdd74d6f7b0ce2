package org.moim.webhook.control;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;
import org.moim.webhook.entity.WebhookDelivery;

/**
 * The message {@code webhook-delivery} v1 on {@code moim.webhooks}: make the attempt of this
 * delivery that {@code attemptKey} stands for. Payload {@code {"deliveryId", "webhookId", "attemptKey",
 * "queuedAt"}} ({@code queuedAt}: the delivery's {@code updatedAt} when the message was made, in
 * epoch milliseconds; {@code webhookId} and {@code queuedAt} may be missing from older messages);
 * the envelope's idempotency key is the attempt key.
 */
public record DeliveryMessage(String deliveryId, String webhookId, String attemptKey, long queuedAt) {

    public static final String TYPE = "webhook-delivery";
    public static final int VERSION = 1;

    static Envelope envelope(WebhookDelivery delivery) {
        return new Envelope(TYPE, VERSION, delivery.attemptKey(), Json.createObjectBuilder()
                .add("deliveryId", delivery.id()).add("webhookId", delivery.webhookId()).add("attemptKey", delivery.attemptKey())
                .add("queuedAt", delivery.updatedAt().toEpochMilli()).build());
    }

    public static DeliveryMessage from(Envelope envelope) {
        if (!TYPE.equals(envelope.type())) {
            throw new MalformedMessage("unknown webhook message type " + envelope.type());
        }
        if (envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + TYPE + " version " + envelope.version());
        }
        JsonValue queuedAt = envelope.payload().get("queuedAt");
        if (queuedAt != null && queuedAt.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MalformedMessage(TYPE + " needs payload.queuedAt, a number");
        }
        return new DeliveryMessage(id(envelope, "deliveryId"), envelope.payload().containsKey("webhookId") ? id(envelope, "webhookId") : null,
                id(envelope, "attemptKey"), queuedAt == null ? 0 : envelope.payload().getJsonNumber("queuedAt").longValue());
    }

    private static String id(Envelope envelope, String name) {
        JsonValue value = envelope.payload().get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING || envelope.payload().getString(name).length() != 36) {
            throw new MalformedMessage(TYPE + " needs payload." + name + ", an id");
        }
        return envelope.payload().getString(name);
    }
}
