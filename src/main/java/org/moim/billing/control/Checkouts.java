package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.billing.entity.BillingPeriod;
import org.moim.billing.entity.Payment;
import org.moim.billing.entity.PaymentStatus;

/**
 * Starting an upgrade: one open payment per workspace, then the provider's checkout for it.
 *
 * <p>Three steps, not one transaction, so that no row lock is held while the provider answers:
 * (1) {@link Payments#prepareCheckout} commits the CREATED payment (or finds the open one);
 * (2) the provider makes the checkout with the payment's idempotency key, so asking again, from a
 * retry or a concurrent request, answers the same checkout; (3) {@link Payments#opened} records
 * it (PENDING). A failure in (2) leaves the payment CREATED and the next request tries again.
 */
@ApplicationScoped
public class Checkouts {

    private static final Logger LOG = Logger.getLogger(Checkouts.class.getName());

    @Inject
    Payments payments;

    @Inject
    PaymentProviders providers;

    /** The payment and whether this request created it. */
    public record Started(Payment payment, boolean isNew) {
    }

    /**
     * @param appUrl the app's public address ending in {@code /} (where the payer comes back to)
     */
    public Started start(String workspaceId, String accountId, String planCode, BillingPeriod period, String currency, String appUrl,
                         String locale) {
        Payments.PreparedCheckout prepared = payments.prepareCheckout(workspaceId, accountId, planCode, period, currency);
        if (prepared.replaced() != null) {
            expireQuietly(prepared.replaced());
        }
        Payment payment = prepared.payment();
        if (payment.status() == PaymentStatus.CREATED) {
            PaymentProvider provider = providers.byName(payment.provider());
            String back = appUrl + "#/w/" + workspaceId + "/billing?payment=" + payment.id();
            PaymentProvider.ProviderCheckout checkout = provider.createCheckout(new PaymentProvider.CheckoutOrder(payment.id(),
                    payment.idempotencyKey(), payment.purpose(), payment.amount(), prepared.description(), prepared.customerEmail(),
                    prepared.customer(), back + "&result=success", back + "&result=cancel", appUrl, locale));
            payment = payments.opened(payment.id(), checkout);
        }
        return new Started(payment, prepared.isNew());
    }

    /** The owner abandons an open checkout. */
    public Payment cancel(String workspaceId, String accountId, String paymentId) {
        Payment payment = payments.cancelOpen(workspaceId, accountId, paymentId);
        expireQuietly(payment);
        return payment;
    }

    private void expireQuietly(Payment payment) {
        if (payment.providerRef() == null) {
            return;
        }
        try {
            providers.byName(payment.provider()).expireCheckout(payment.providerRef(), payment.idempotencyKey() + ":expire");
        } catch (RuntimeException e) {
            // The checkout expires by itself at the provider; the payment is cancelled here already.
            LOG.log(Level.WARNING, "Could not expire checkout {0} of payment {1}: {2}",
                    new Object[] {payment.providerRef(), payment.id(), e.getMessage()});
        }
    }
}
