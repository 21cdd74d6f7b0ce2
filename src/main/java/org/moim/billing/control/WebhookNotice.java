package org.moim.billing.control;

import org.moim.billing.entity.Money;

/**
 * A verified provider event, in Moim's terms. {@code paymentId} is Moim's payment id when the
 * provider echoes it (metadata, reference); {@code providerRef} and {@code providerPaymentRef}
 * find the payment otherwise.
 */
public record WebhookNotice(String eventId, String eventType, Kind kind, String paymentId, String providerRef,
                            String providerPaymentRef, Money amount, String customer, String paymentMethod, String failure) {

    /** What the event means for a payment. */
    public enum Kind {
        SUCCEEDED, FAILED, EXPIRED, REFUNDED,
        /** Anything else the provider sends: recorded and ignored. */
        OTHER
    }
}
