package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.moim.billing.entity.Payment;

/**
 * Refunding a paid payment: checked and recorded in one transaction, then asked of the provider
 * with an idempotency key (asking twice refunds once); the provider's webhook makes it REFUNDED.
 */
@ApplicationScoped
public class Refunds {

    @Inject
    Payments payments;

    @Inject
    PaymentProviders providers;

    public Payment request(String workspaceId, String accountId, String paymentId) {
        Payment payment = payments.requestRefund(workspaceId, accountId, paymentId);
        providers.byName(payment.provider()).refund(new PaymentProvider.RefundOrder(payment.id(), payment.idempotencyKey() + ":refund",
                payment.providerRef(), payment.providerPaymentRef(), payment.amount()));
        return payment;
    }
}
