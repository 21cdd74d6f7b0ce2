package org.moim.billing.control;

import java.time.Instant;
import java.util.function.Function;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.PaymentPurpose;

/**
 * A payment provider: a true extension point ({@link SandboxProvider} built in and the default,
 * {@link StripeProvider} for real money; {@code moim.billing.provider} picks one). Every call
 * carries an idempotency key, so retrying a call never charges twice. Calls happen outside
 * database transactions; results that take time (the person paying, a renewal charge, a refund)
 * arrive later as webhooks, read by {@link #readWebhook}.
 */
public interface PaymentProvider {

    /** The name in URLs, configuration and stored payments: {@code sandbox}, {@code stripe}. */
    String name();

    /** A hosted checkout page for one payment. */
    ProviderCheckout createCheckout(CheckoutOrder order);

    /** Charges a saved payment method without the customer (renewals); the result comes as a webhook. */
    ProviderCharge chargeSavedMethod(ChargeOrder order);

    /** Refunds a paid payment in full; the result comes as a webhook. */
    void refund(RefundOrder order);

    /** Closes a checkout nobody will pay any more (best effort). */
    void expireCheckout(String providerRef, String idempotencyKey);

    /**
     * Verifies a webhook's signature and timestamp and reads it.
     *
     * @throws WebhookRejected when forged, stale or unreadable (the caller logs it)
     */
    WebhookNotice readWebhook(byte[] body, Function<String, String> headers, Instant now);

    /** One payment to take through a checkout page. */
    record CheckoutOrder(String paymentId, String idempotencyKey, PaymentPurpose purpose, Money amount, String description,
                         String customerEmail, String customer, String successUrl, String cancelUrl, String appUrl,
                         String locale) {
    }

    /** The provider's checkout: its id and the page the payer goes to. */
    record ProviderCheckout(String ref, String url) {
    }

    /** A charge of a saved payment method. */
    record ChargeOrder(String paymentId, String idempotencyKey, Money amount, String description, String customer,
                       String paymentMethod) {
    }

    /** The provider's answer to a charge: its id, and FAILED right away when declined. */
    record ProviderCharge(String ref, boolean declined, String failure) {
    }

    /** A full refund of a paid payment. */
    record RefundOrder(String paymentId, String idempotencyKey, String providerRef, String providerPaymentRef, Money amount) {
    }
}
