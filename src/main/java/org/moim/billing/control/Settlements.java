package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.entity.AmountMismatch;
import org.moim.billing.entity.Invoice;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.Payment;
import org.moim.billing.entity.PaymentPurpose;
import org.moim.billing.entity.PaymentStatus;
import org.moim.billing.entity.Subscription;

/**
 * What follows when a provider decides a payment, in the webhook's transaction: the payment's
 * move, the subscription, the invoice, the audit trail and the mails. Each method returns whether
 * anything changed; the caller holds the payment row lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Settlements {

    private static final Logger LOG = Logger.getLogger(Settlements.class.getName());

    @Inject
    Subscriptions subscriptions;

    @Inject
    Invoices invoices;

    @Inject
    Receipts receipts;

    @Inject
    BillingEvents events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.billing.grace-period", defaultValue = "P7D")
    Duration grace;

    /** The provider took the money: PAID (if the amount matches), then the plan, invoice and receipt. */
    public boolean paid(Payment payment, Money reported, String providerPaymentRef, String customer, String method) {
        Instant now = clock.instant();
        try {
            payment.pay(reported, providerPaymentRef, now);
        } catch (AmountMismatch mismatch) {
            LOG.log(Level.SEVERE, "Payment {0} of workspace {1}: {2}; it FAILED and no plan changed. Check the provider and refund.",
                    new Object[] {payment.id(), payment.workspaceId(), mismatch.getMessage()});
            payment.fail("amount mismatch: " + mismatch.getMessage(), now);
            events.record(payment.workspaceId(), "payment.amount-mismatch", null, payment.id(), mismatch.getMessage());
            return false;
        }
        Subscription subscription = subscriptions.forUpdate(payment.workspaceId());
        boolean renewal = payment.purpose() == PaymentPurpose.RENEWAL && subscription.isPaid();
        subscription.activate(payment, customer, method, now);
        Invoice invoice = invoices.issue(payment, subscription.periodStart(), subscription.periodEnd());
        events.record(payment.workspaceId(), "payment.paid", null, payment.id(), payment.amount().display());
        events.record(payment.workspaceId(), renewal ? "subscription.renewed" : "subscription.started", null, payment.id(),
                payment.planCode() + " " + payment.period() + " until " + subscription.periodEnd() + ", invoice " + invoice.number());
        receipts.paid(invoice);
        return true;
    }

    /** A later success event of a payment already PAID: remembers a saved method the first did not carry. */
    public void rememberMethod(Payment payment, String customer, String method) {
        if (method == null && customer == null) {
            return;
        }
        subscriptions.of(payment.workspaceId())
                .filter(s -> payment.id().equals(s.currentPaymentId()))
                .filter(s -> s.providerPaymentMethod() == null || s.providerCustomer() == null)
                .ifPresent(s -> s.activateMethods(customer, method, clock.instant()));
    }

    /** Declined, failed authentication, or failed renewal charge. */
    public boolean failed(Payment payment, String reason) {
        Instant now = clock.instant();
        payment.fail(reason == null ? "declined" : reason, now);
        events.record(payment.workspaceId(), "payment.failed", null, payment.id(), payment.failureReason());
        if (payment.purpose() == PaymentPurpose.RENEWAL) {
            subscriptions.of(payment.workspaceId()).ifPresent(subscription -> {
                subscription.renewalFailed(grace, now);
                events.record(payment.workspaceId(), "subscription.past-due", null, payment.id(),
                        "plan kept until " + subscription.graceUntil());
                receipts.renewalFailed(payment, receipts.workspaceName(payment.workspaceId()), subscription.graceUntil());
            });
        }
        return true;
    }

    /** The checkout expired or was abandoned. */
    public boolean cancelled(Payment payment) {
        payment.cancel(clock.instant());
        events.record(payment.workspaceId(), "payment.cancelled", null, payment.id(), "checkout expired or abandoned");
        return true;
    }

    /** The money went back: REFUNDED; a refund of the running period ends the plan now. */
    public boolean refunded(Payment payment) {
        Instant now = clock.instant();
        payment.refund(now);
        invoices.ofPayment(payment.id()).ifPresent(invoice -> invoice.refunded(now));
        events.record(payment.workspaceId(), "payment.refunded", null, payment.id(), payment.amount().display());
        subscriptions.of(payment.workspaceId()).ifPresent(subscription -> {
            String plan = subscription.planCode();
            if (subscription.refunded(payment, now)) {
                events.record(payment.workspaceId(), "subscription.lapsed", null, payment.id(), plan + " → FREE (refunded)");
            }
        });
        receipts.refunded(payment, receipts.workspaceName(payment.workspaceId()));
        return payment.status() == PaymentStatus.REFUNDED;
    }
}
