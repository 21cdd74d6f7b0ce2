package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.SandboxCheckout;
import org.moim.platform.persistence.DuplicateKeys;

/**
 * The built-in provider for trying Moim without a payment contract: a checkout page served by
 * this app ({@code /api/v1/billing/sandbox/checkouts/{id}}) that takes test cards only, and
 * webhooks sent back asynchronously, signed, like a real provider's. Never moves real money; it
 * takes payments only while it is the active provider.
 */
@ApplicationScoped
public class SandboxProvider implements PaymentProvider {

    public static final String NAME = "sandbox";
    public static final String CHECKOUT_PATH = "api/v1/billing/sandbox/checkouts/";
    public static final String WEBHOOK_PATH = "api/v1/billing/webhooks/" + NAME;

    @Inject
    SandboxCheckouts checkouts;

    @Inject
    SandboxSecret secret;

    @Inject
    @ConfigProperty(name = "moim.billing.sandbox.webhook-url")
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = "moim.billing.webhook-tolerance", defaultValue = "PT5M")
    Duration tolerance;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderCheckout createCheckout(CheckoutOrder order) {
        String hooks = webhookUrl.filter(u -> !u.isBlank()).orElse(order.appUrl() + WEBHOOK_PATH);
        SandboxCheckout checkout;
        try {
            checkout = checkouts.open(order.idempotencyKey(), order.paymentId(), order.purpose(), order.description(), order.amount(),
                    order.customer(), order.successUrl(), order.cancelUrl(), hooks, order.locale());
        } catch (RuntimeException e) {
            // The same key at the same moment from another request: that one's checkout is ours.
            if (!DuplicateKeys.in(e)) {
                throw e;
            }
            checkout = checkouts.byKey(order.idempotencyKey()).orElseThrow(() -> e);
        }
        return new ProviderCheckout(checkout.id(), order.appUrl() + CHECKOUT_PATH + checkout.id());
    }

    @Override
    public ProviderCharge chargeSavedMethod(ChargeOrder order) {
        SandboxCheckout charge = checkouts.charge(order.idempotencyKey(), order.paymentId(), order.description(), order.amount(),
                order.customer(), order.paymentMethod(), webhookUrl.filter(u -> !u.isBlank()).orElse(null));
        // Like a real provider's off-session charge: a decline is known at once, and a webhook follows.
        boolean declined = charge.status() == SandboxCheckout.Status.FAILED;
        return new ProviderCharge(charge.id(), declined, declined ? "card_declined" : null);
    }

    @Override
    public void refund(RefundOrder order) {
        checkouts.refund(order.providerRef(), order.providerPaymentRef());
    }

    @Override
    public void expireCheckout(String providerRef, String idempotencyKey) {
        checkouts.expire(providerRef);
    }

    @Override
    public WebhookNotice readWebhook(byte[] body, Function<String, String> headers, Instant now) {
        WebhookSignatures.verify(headers.apply(SandboxWebhooks.SIGNATURE_HEADER), body, secret.value(), tolerance, now);
        JsonObject event = json(body);
        String id = text(event, "id");
        String type = text(event, "type");
        JsonObject object = event.getJsonObject("data") == null ? null : event.getJsonObject("data").getJsonObject("object");
        if (id == null || type == null || object == null) {
            throw new WebhookRejected("A sandbox event needs id, type and data.object.");
        }
        WebhookNotice.Kind kind = switch (type) {
            case "payment.succeeded" -> WebhookNotice.Kind.SUCCEEDED;
            case "payment.failed" -> WebhookNotice.Kind.FAILED;
            case "checkout.expired" -> WebhookNotice.Kind.EXPIRED;
            case "payment.refunded" -> WebhookNotice.Kind.REFUNDED;
            default -> WebhookNotice.Kind.OTHER;
        };
        Money amount = null;
        if (object.get("amount") instanceof jakarta.json.JsonNumber number && text(object, "currency") != null) {
            try {
                amount = Money.of(number.longValueExact(), text(object, "currency"));
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new WebhookRejected("The event's amount or currency is not valid.");
            }
        }
        return new WebhookNotice(id, type, kind, text(object, "reference"), text(object, "id"), text(object, "payment"), amount,
                text(object, "customer"), text(object, "payment_method"), text(object, "failure"));
    }

    static JsonObject json(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new WebhookRejected("The body is not a JSON object.");
        }
    }

    static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof jakarta.json.JsonString string ? string.getString() : null;
    }
}
