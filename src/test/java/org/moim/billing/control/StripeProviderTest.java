package org.moim.billing.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.PaymentPurpose;

/**
 * The Stripe adapter against a local server that speaks Stripe's API (WireMock), with request
 * and response shapes from Stripe's API reference ({@code src/test/resources/stripe}).
 */
class StripeProviderTest {

    private static final String KEY = "sk_test_moim";
    private static final String WEBHOOK_SECRET = "whsec_moim_test";
    private static final String PAYMENT_ID = "6f1c2a9e-0000-4000-8000-000000000001";

    private WireMockServer stripe;
    private StripeProvider provider;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stripe.start();
        provider = new StripeProvider("http://127.0.0.1:" + stripe.port(), KEY, WEBHOOK_SECRET, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    private static String recorded(String name) {
        try (InputStream in = StripeProviderTest.class.getResourceAsStream("/stripe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PAYMENT_ID", PAYMENT_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PaymentProvider.CheckoutOrder order(String customer) {
        return new PaymentProvider.CheckoutOrder(PAYMENT_ID, "idem-checkout-1", PaymentPurpose.UPGRADE, new Money(49000, "KRW"),
                "Moim Premium (monthly)", "owner@example.com", customer, "https://moim.example/#/w/ws/billing?result=success",
                "https://moim.example/#/w/ws/billing?result=cancel", "https://moim.example/", "ko");
    }

    @Test
    void aCheckoutSessionIsCreatedWithTheOrderAndTheIdempotencyKey() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(recorded("checkout-session.json"))));

        PaymentProvider.ProviderCheckout checkout = provider.createCheckout(order(null));

        assertThat(checkout.ref()).startsWith("cs_test_");
        assertThat(checkout.url()).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Idempotency-Key", equalTo("idem-checkout-1"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("mode", equalTo("payment"))
                .withFormParam("client_reference_id", equalTo(PAYMENT_ID))
                .withFormParam("line_items[0][price_data][currency]", equalTo("krw"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("49000"))
                .withFormParam("line_items[0][price_data][product_data][name]", equalTo("Moim Premium (monthly)"))
                .withFormParam("line_items[0][quantity]", equalTo("1"))
                .withFormParam("metadata[payment_id]", equalTo(PAYMENT_ID))
                .withFormParam("payment_intent_data[metadata][payment_id]", equalTo(PAYMENT_ID))
                .withFormParam("payment_intent_data[setup_future_usage]", equalTo("off_session"))
                .withFormParam("customer_creation", equalTo("always"))
                .withFormParam("customer_email", equalTo("owner@example.com"))
                .withFormParam("success_url", equalTo("https://moim.example/#/w/ws/billing?result=success"))
                .withFormParam("locale", equalTo("ko")));
    }

    @Test
    void aKnownCustomerIsReusedInsteadOfCreatingOne() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(200).withBody(recorded("checkout-session.json"))));
        provider.createCheckout(order("cus_NffrFeUfNV2Hib"));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions")).withFormParam("customer", equalTo("cus_NffrFeUfNV2Hib")));
        assertThat(stripe.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("customer_creation");
    }

    @Test
    void anErrorOrNoAnswerFromStripeIsProviderUnavailable() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(401).withBody(recorded("invalid-request.json"))));
        assertThatThrownBy(() -> provider.createCheckout(order(null))).isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("401").hasMessageContaining("invalid_request_error");
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(500).withBody("oops")));
        assertThatThrownBy(() -> provider.createCheckout(order(null))).isInstanceOf(ProviderUnavailable.class);
        stripe.stop();
        assertThatThrownBy(() -> provider.createCheckout(order(null))).isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void aRenewalChargesTheSavedCardOffSession() {
        stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(200).withBody(recorded("payment-intent-succeeded.json"))));

        PaymentProvider.ProviderCharge charge = provider.chargeSavedMethod(new PaymentProvider.ChargeOrder(PAYMENT_ID, "idem-renewal-1",
                new Money(49000, "KRW"), "Moim Premium (monthly)", "cus_NffrFeUfNV2Hib", "pm_1MtwBwLkdIwHu7ixXb4RW1pd"));

        assertThat(charge.declined()).isFalse();
        assertThat(charge.ref()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("idem-renewal-1"))
                .withFormParam("amount", equalTo("49000"))
                .withFormParam("currency", equalTo("krw"))
                .withFormParam("customer", equalTo("cus_NffrFeUfNV2Hib"))
                .withFormParam("payment_method", equalTo("pm_1MtwBwLkdIwHu7ixXb4RW1pd"))
                .withFormParam("off_session", equalTo("true"))
                .withFormParam("confirm", equalTo("true"))
                .withFormParam("metadata[payment_id]", equalTo(PAYMENT_ID))
                .withFormParam("metadata[purpose]", equalTo("RENEWAL")));
    }

    @Test
    void aDeclinedRenewalIsKnownAtOnce() {
        stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(402).withBody(recorded("card-declined.json"))));

        PaymentProvider.ProviderCharge charge = provider.chargeSavedMethod(new PaymentProvider.ChargeOrder(PAYMENT_ID, "idem-renewal-2",
                new Money(49000, "KRW"), "Moim Premium (monthly)", "cus_x", "pm_x"));

        assertThat(charge.declined()).isTrue();
        assertThat(charge.failure()).isEqualTo("insufficient_funds");
        assertThat(charge.ref()).isEqualTo("pi_3MtwC1LkdIwHu7ix0Declined");
    }

    @Test
    void aRefundNamesThePaymentIntent() {
        stripe.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(200).withBody(recorded("refund.json"))));

        provider.refund(new PaymentProvider.RefundOrder(PAYMENT_ID, "idem-refund-1", "cs_test_1", "pi_1GszsK2eZvKYlo2CfhZyoZLp",
                new Money(49000, "KRW")));

        stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("idem-refund-1"))
                .withFormParam("payment_intent", equalTo("pi_1GszsK2eZvKYlo2CfhZyoZLp")));
    }

    @Test
    void anAbandonedCheckoutSessionIsExpired() {
        stripe.stubFor(post("/v1/checkout/sessions/cs_test_1/expire").willReturn(aResponse().withStatus(200)
                .withBody(recorded("checkout-session.json"))));
        provider.expireCheckout("cs_test_1", "idem-expire-1");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions/cs_test_1/expire"))
                .withHeader("Idempotency-Key", equalTo("idem-expire-1")));
    }

    // ---------------------------------------------------------------- webhooks

    private WebhookNotice read(String json, long timestamp) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignatures.header(WEBHOOK_SECRET, timestamp, body);
        return provider.readWebhook(body, Map.of("Stripe-Signature", header)::get, Instant.ofEpochSecond(timestamp + 10));
    }

    @Test
    void aCompletedPaidCheckoutSessionIsASuccessWithTheAmountCharged() {
        WebhookNotice notice = read(recorded("event-checkout-session-completed.json"), 1719411304);

        assertThat(notice.kind()).isEqualTo(WebhookNotice.Kind.SUCCEEDED);
        assertThat(notice.eventId()).isEqualTo("evt_1PVwcnR8QWoDuPnP0eRk39Wn");
        assertThat(notice.paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(notice.amount()).isEqualTo(new Money(49000, "KRW"));
        assertThat(notice.providerRef()).startsWith("cs_test_");
        assertThat(notice.providerPaymentRef()).isEqualTo("pi_3PVwcnR8QWoDuPnP1Kp2v6Q3");
        assertThat(notice.customer()).isEqualTo("cus_QMfG5uOx6fXFpK");
    }

    @Test
    void anUnpaidCompletedSessionIsNotASuccess() {
        String unpaid = recorded("event-checkout-session-completed.json").replace("\"payment_status\": \"paid\"", "\"payment_status\": \"unpaid\"");
        assertThat(read(unpaid, 1719411304).kind()).isEqualTo(WebhookNotice.Kind.OTHER);
    }

    @Test
    void aFullRefundIsFoundByItsPaymentIntent() {
        WebhookNotice notice = read(recorded("event-charge-refunded.json"), 1719412000);
        assertThat(notice.kind()).isEqualTo(WebhookNotice.Kind.REFUNDED);
        assertThat(notice.paymentId()).isNull();
        assertThat(notice.providerPaymentRef()).isEqualTo("pi_3PVwcnR8QWoDuPnP1Kp2v6Q3");
        String partial = recorded("event-charge-refunded.json").replace("\"refunded\": true", "\"refunded\": false");
        assertThat(read(partial, 1719412000).kind()).as("a partial refund changes nothing").isEqualTo(WebhookNotice.Kind.OTHER);
    }

    @Test
    void aFailedPaymentIntentFailsARenewalButNotACheckoutThatMayStillBeRetried() {
        String failed = recorded("event-payment-intent-payment-failed.json");
        WebhookNotice renewal = read(failed.replace("PURPOSE", "RENEWAL"), 1680800600);
        assertThat(renewal.kind()).isEqualTo(WebhookNotice.Kind.FAILED);
        assertThat(renewal.failure()).isEqualTo("insufficient_funds");
        assertThat(read(failed.replace("PURPOSE", "UPGRADE"), 1680800600).kind()).isEqualTo(WebhookNotice.Kind.OTHER);
    }

    @Test
    void forgedOrStaleStripeEventsAreRejected() {
        byte[] body = recorded("event-checkout-session-completed.json").getBytes(StandardCharsets.UTF_8);
        long t = 1719411304;
        Instant now = Instant.ofEpochSecond(t);
        String forged = WebhookSignatures.header("whsec_attacker", t, body);
        assertThatThrownBy(() -> provider.readWebhook(body, Map.of("Stripe-Signature", forged)::get, now))
                .isInstanceOf(WebhookRejected.class);
        String genuine = WebhookSignatures.header(WEBHOOK_SECRET, t, body);
        assertThatThrownBy(() -> provider.readWebhook(body, Map.of("Stripe-Signature", genuine)::get, now.plusSeconds(301)))
                .isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> provider.readWebhook(body, Map.<String, String>of()::get, now)).isInstanceOf(WebhookRejected.class);
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> provider.readWebhook(notJson, Map.of("Stripe-Signature",
                WebhookSignatures.header(WEBHOOK_SECRET, t, notJson))::get, now)).isInstanceOf(WebhookRejected.class);
    }
}
