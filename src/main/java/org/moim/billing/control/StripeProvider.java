package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.PaymentPurpose;

/**
 * Stripe, through its published HTTP API (form-encoded requests, JSON answers, {@code
 * Authorization: Bearer <secret key>}, an {@code Idempotency-Key} on every POST):
 * <ul>
 *   <li>checkout: {@code POST /v1/checkout/sessions} (mode {@code payment}, one line item with
 *   {@code price_data}, the card saved for off-session use, Moim's payment id in
 *   {@code client_reference_id} and in the metadata of the session and of its PaymentIntent);</li>
 *   <li>renewal: {@code POST /v1/payment_intents} with the saved customer and payment method,
 *   {@code off_session=true}, {@code confirm=true} (a decline answers 402 {@code card_error});</li>
 *   <li>refund: {@code POST /v1/refunds} with the {@code payment_intent};</li>
 *   <li>expire: {@code POST /v1/checkout/sessions/{id}/expire};</li>
 *   <li>webhooks: {@code Stripe-Signature: t=…,v1=…} verified with the endpoint secret
 *   ({@link WebhookSignatures}); {@code checkout.session.completed} (paid),
 *   {@code checkout.session.async_payment_succeeded|failed}, {@code checkout.session.expired},
 *   {@code payment_intent.succeeded}, {@code payment_intent.payment_failed} (renewals only: a
 *   declined card on the checkout page may still be retried there) and {@code charge.refunded}.</li>
 * </ul>
 * Amounts: Stripe counts KRW in won and USD in cents, exactly Moim's minor units.
 */
@ApplicationScoped
public class StripeProvider implements PaymentProvider {

    public static final String NAME = "stripe";
    public static final String SIGNATURE_HEADER = "Stripe-Signature";

    private static final Logger LOG = Logger.getLogger(StripeProvider.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    @ConfigProperty(name = "moim.billing.stripe.base-url", defaultValue = "https://api.stripe.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "moim.billing.stripe.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "moim.billing.stripe.webhook-secret")
    Optional<String> webhookSecret;

    @Inject
    @ConfigProperty(name = "moim.billing.webhook-tolerance", defaultValue = "PT5M")
    Duration tolerance;

    public StripeProvider() {
    }

    /** For tests against a local server that speaks Stripe's API. */
    StripeProvider(String baseUrl, String secretKey, String webhookSecret, Duration tolerance) {
        this.baseUrl = baseUrl;
        this.secretKey = Optional.of(secretKey);
        this.webhookSecret = Optional.of(webhookSecret);
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderCheckout createCheckout(CheckoutOrder order) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("success_url", order.successUrl());
        form.put("cancel_url", order.cancelUrl());
        form.put("client_reference_id", order.paymentId());
        form.put("line_items[0][quantity]", "1");
        form.put("line_items[0][price_data][currency]", order.amount().currency().toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", Long.toString(order.amount().minor()));
        form.put("line_items[0][price_data][product_data][name]", order.description());
        form.put("metadata[payment_id]", order.paymentId());
        form.put("metadata[purpose]", order.purpose().name());
        form.put("payment_intent_data[metadata][payment_id]", order.paymentId());
        form.put("payment_intent_data[metadata][purpose]", order.purpose().name());
        // Saves the card on the customer so renewals can charge it off-session.
        form.put("payment_intent_data[setup_future_usage]", "off_session");
        if (order.customer() != null) {
            form.put("customer", order.customer());
        } else {
            form.put("customer_creation", "always");
            if (order.customerEmail() != null) {
                form.put("customer_email", order.customerEmail());
            }
        }
        if ("ko".equals(order.locale()) || "en".equals(order.locale())) {
            form.put("locale", order.locale());
        }
        JsonObject session = post("/v1/checkout/sessions", form, order.idempotencyKey()).orElseThrow();
        String id = text(session, "id");
        String url = text(session, "url");
        if (id == null || url == null) {
            throw new ProviderUnavailable("Stripe answered a checkout session without id or url.");
        }
        return new ProviderCheckout(id, url);
    }

    @Override
    public ProviderCharge chargeSavedMethod(ChargeOrder order) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(order.amount().minor()));
        form.put("currency", order.amount().currency().toLowerCase(Locale.ROOT));
        form.put("customer", order.customer());
        form.put("payment_method", order.paymentMethod());
        form.put("off_session", "true");
        form.put("confirm", "true");
        form.put("description", order.description());
        form.put("metadata[payment_id]", order.paymentId());
        form.put("metadata[purpose]", PaymentPurpose.RENEWAL.name());
        Response response = send("/v1/payment_intents", form, order.idempotencyKey());
        if (response.status() == 402) {
            JsonObject error = response.json().getJsonObject("error");
            JsonObject intent = error == null || !(error.get("payment_intent") instanceof JsonObject pi) ? null : pi;
            String code = error == null ? "card_error" : Optional.ofNullable(text(error, "decline_code")).orElse(text(error, "code"));
            return new ProviderCharge(intent == null ? null : text(intent, "id"), true, code);
        }
        JsonObject intent = response.orFail();
        String status = text(intent, "status");
        boolean declined = "requires_payment_method".equals(status) || "canceled".equals(status);
        return new ProviderCharge(text(intent, "id"), declined, declined ? status : null);
    }

    @Override
    public void refund(RefundOrder order) {
        if (order.providerPaymentRef() == null) {
            throw new ProviderUnavailable("This payment has no Stripe PaymentIntent to refund.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", order.providerPaymentRef());
        form.put("metadata[payment_id]", order.paymentId());
        post("/v1/refunds", form, order.idempotencyKey());
    }

    @Override
    public void expireCheckout(String providerRef, String idempotencyKey) {
        if (providerRef != null && providerRef.startsWith("cs_")) {
            post("/v1/checkout/sessions/" + URLEncoder.encode(providerRef, StandardCharsets.UTF_8) + "/expire", Map.of(), idempotencyKey);
        }
    }

    @Override
    public WebhookNotice readWebhook(byte[] body, Function<String, String> headers, Instant now) {
        WebhookSignatures.verify(headers.apply(SIGNATURE_HEADER), body, webhookSecret.orElse(null), tolerance, now);
        JsonObject event = SandboxProvider.json(body);
        String id = text(event, "id");
        String type = text(event, "type");
        JsonObject data = event.get("data") instanceof JsonObject d ? d : null;
        JsonObject object = data != null && data.get("object") instanceof JsonObject o ? o : null;
        if (id == null || type == null || object == null) {
            throw new WebhookRejected("A Stripe event needs id, type and data.object.");
        }
        JsonObject metadata = object.get("metadata") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        String paymentId = Optional.ofNullable(text(metadata, "payment_id")).orElse(text(object, "client_reference_id"));
        String purpose = text(metadata, "purpose");
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> "paid".equals(text(object, "payment_status"))
                    ? notice(id, type, WebhookNotice.Kind.SUCCEEDED, paymentId, text(object, "id"), text(object, "payment_intent"),
                            money(object, "amount_total"), text(object, "customer"), null, null)
                    : other(id, type, paymentId);
            case "checkout.session.async_payment_failed" -> notice(id, type, WebhookNotice.Kind.FAILED, paymentId, text(object, "id"),
                    text(object, "payment_intent"), null, null, null, "async payment failed");
            case "checkout.session.expired" -> notice(id, type, WebhookNotice.Kind.EXPIRED, paymentId, text(object, "id"), null,
                    null, null, null, null);
            case "payment_intent.succeeded" -> notice(id, type, WebhookNotice.Kind.SUCCEEDED, paymentId, null, text(object, "id"),
                    money(object, "amount_received"), text(object, "customer"), text(object, "payment_method"), null);
            case "payment_intent.payment_failed" -> PaymentPurpose.RENEWAL.name().equals(purpose)
                    ? notice(id, type, WebhookNotice.Kind.FAILED, paymentId, null, text(object, "id"), null, null, null,
                            lastError(object))
                    : other(id, type, paymentId);
            case "charge.refunded" -> object.getBoolean("refunded", false)
                    ? notice(id, type, WebhookNotice.Kind.REFUNDED, paymentId, null, text(object, "payment_intent"),
                            money(object, "amount_refunded"), null, null, null)
                    : other(id, type, paymentId);
            default -> other(id, type, paymentId);
        };
    }

    private static WebhookNotice notice(String id, String type, WebhookNotice.Kind kind, String paymentId, String ref, String paymentRef,
                                        Money amount, String customer, String method, String failure) {
        return new WebhookNotice(id, type, kind, paymentId, ref, paymentRef, amount, customer, method, failure);
    }

    private static WebhookNotice other(String id, String type, String paymentId) {
        return new WebhookNotice(id, type, WebhookNotice.Kind.OTHER, paymentId, null, null, null, null, null, null);
    }

    private static String lastError(JsonObject intent) {
        if (intent.get("last_payment_error") instanceof JsonObject error) {
            return Optional.ofNullable(text(error, "decline_code")).orElse(text(error, "code"));
        }
        return "payment failed";
    }

    private static Money money(JsonObject object, String amountField) {
        if (object.get(amountField) instanceof JsonNumber number && text(object, "currency") != null) {
            try {
                return Money.of(number.longValueExact(), text(object, "currency"));
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new WebhookRejected("The event's amount or currency is not valid.");
            }
        }
        return null;
    }

    private Optional<JsonObject> post(String path, Map<String, String> form, String idempotencyKey) {
        return Optional.of(send(path, form, idempotencyKey).orFail());
    }

    /** Stripe's answer: status and JSON body. */
    record Response(int status, JsonObject json) {
        JsonObject orFail() {
            if (status / 100 == 2) {
                return json;
            }
            JsonObject error = json.get("error") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
            LOG.log(Level.WARNING, "Stripe answered {0}: {1} {2}", new Object[] {status, text(error, "type"), text(error, "message")});
            throw new ProviderUnavailable("Stripe refused the request (" + status + ", " + text(error, "type") + "): "
                    + text(error, "message"));
        }
    }

    private Response send(String path, Map<String, String> form, String idempotencyKey) {
        String key = secretKey.filter(k -> !k.isBlank())
                .orElseThrow(() -> new ProviderUnavailable("Stripe is not configured (moim.billing.stripe.secret-key)."));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Stripe did not answer " + path + ": " + e.getMessage(), e);
            throw new ProviderUnavailable("Stripe did not answer; try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("Interrupted while calling Stripe.");
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof jakarta.json.JsonString string ? string.getString() : null;
    }
}
