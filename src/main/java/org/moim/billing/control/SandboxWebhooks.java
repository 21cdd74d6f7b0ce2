package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.billing.entity.SandboxCheckout;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsSender;
import org.moim.platform.messaging.MalformedMessage;

/**
 * The sandbox's webhooks, sent the way a real provider sends them: asynchronously (a message on
 * {@link #QUEUE}, written in the sandbox's transaction), by HTTP POST to the app's webhook URL,
 * signed ({@code Moim-Sandbox-Signature}, see {@link WebhookSignatures}) with the time of each
 * attempt, and retried by the broker until the app answers 2xx.
 */
@ApplicationScoped
public class SandboxWebhooks {

    public static final String QUEUE = "moim.billing.sandbox-webhooks";
    public static final String SIGNATURE_HEADER = "Moim-Sandbox-Signature";
    static final String TYPE = "sandbox-webhook";
    static final int VERSION = 1;

    private static final Logger LOG = Logger.getLogger(SandboxWebhooks.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    JmsSender sender;

    @Inject
    SandboxSecret secret;

    @Inject
    Clock clock;

    /** Queues the event {@code type} about the checkout (or charge), in the caller's transaction. */
    public void send(SandboxCheckout checkout, String type, String failure) {
        String eventId = "evt_sbx_" + SandboxCheckout.token();
        JsonObject event = event(eventId, type, clock.instant().getEpochSecond(), checkout, failure);
        sender.send(QUEUE, new Envelope(TYPE, VERSION, eventId, Json.createObjectBuilder()
                .add("url", checkout.webhookUrl())
                .add("event", event.toString())
                .build()));
    }

    /** The event body, in the shape docs/billing.md documents. */
    public static JsonObject event(String eventId, String type, long created, SandboxCheckout c, String failure) {
        JsonObjectBuilder object = Json.createObjectBuilder()
                .add("id", c.id())
                .add("object", c.kind().name().toLowerCase(java.util.Locale.ROOT))
                .add("reference", c.reference())
                .add("purpose", c.purpose().name())
                .add("amount", c.amount().minor())
                .add("currency", c.amount().currency())
                .add("status", c.status().name().toLowerCase(java.util.Locale.ROOT))
                .add("customer", c.customer());
        if (c.paymentMethod() != null) {
            object.add("payment_method", c.paymentMethod());
        }
        if (c.paymentRef() != null) {
            object.add("payment", c.paymentRef());
        }
        if (failure != null) {
            object.add("failure", failure);
        }
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("object", "event")
                .add("type", type)
                .add("created", created)
                .add("data", Json.createObjectBuilder().add("object", object))
                .build();
    }

    /** Delivers one queued event; throws unless the app answered 2xx, so the broker retries. */
    public void deliver(Envelope envelope) {
        if (!TYPE.equals(envelope.type()) || envelope.version() != VERSION) {
            throw new MalformedMessage("unknown sandbox webhook " + envelope.type() + " v" + envelope.version());
        }
        String url = envelope.payload().getString("url", null);
        String event = envelope.payload().getString("event", null);
        if (url == null || event == null) {
            throw new MalformedMessage("a sandbox webhook needs payload.url and payload.event");
        }
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, WebhookSignatures.header(secret.value(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WebhookNotDelivered("Sandbox webhook " + envelope.idempotencyKey() + " to " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookNotDelivered("Sandbox webhook " + envelope.idempotencyKey() + " interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new WebhookNotDelivered("Sandbox webhook " + envelope.idempotencyKey() + " to " + url + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        LOG.log(Level.FINE, "Sandbox webhook {0} delivered", envelope.idempotencyKey());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The app did not take a webhook: the broker delivers the message again. */
    public static class WebhookNotDelivered extends RuntimeException {
        public WebhookNotDelivered(String message) {
            super(message);
        }
    }
}
