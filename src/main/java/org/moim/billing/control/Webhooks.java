package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.billing.entity.Payment;
import org.moim.billing.entity.PaymentStatus;
import org.moim.billing.entity.WebhookEvent;
import org.moim.billing.entity.WebhookEvent.Outcome;

/**
 * Provider webhooks: verified by the provider ({@link PaymentProvider#readWebhook}: a forged or
 * stale one is rejected and logged), then applied to the payment at most once.
 *
 * <p>Each event id is recorded ({@code webhook_event}, unique per provider): a duplicate or
 * replayed delivery finds it and changes nothing. The payment's row is locked first, so
 * concurrent deliveries of events about one payment take turns. An event the payment is already
 * past (a failure after the success, a second success) is recorded as IGNORED; a refund before
 * the payment is known to be paid is refused with 409 and not recorded, so the provider delivers
 * it again after the success. A success whose amount or currency differs from the order fails
 * the payment and never changes the plan.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    PaymentProviders providers;

    @Inject
    Settlements settlements;

    @Inject
    Clock clock;

    /** What one delivery did. */
    public record Received(String eventId, Outcome outcome, boolean duplicate) {
    }

    public Received receive(String providerName, byte[] body, Function<String, String> headers) {
        PaymentProvider provider = providers.byName(providerName);
        WebhookNotice notice;
        try {
            notice = provider.readWebhook(body, headers, clock.instant());
        } catch (WebhookRejected rejected) {
            LOG.log(Level.WARNING, "Rejected a {0} webhook: {1}", new Object[] {providerName, rejected.getMessage()});
            throw rejected;
        }
        Payment payment = find(provider.name(), notice);
        if (recorded(provider.name(), notice.eventId())) {
            return new Received(notice.eventId(), null, true);
        }
        Outcome outcome;
        String detail = null;
        if (payment == null) {
            outcome = Outcome.IGNORED;
            detail = "no such payment";
        } else {
            Applied applied = apply(payment, notice);
            outcome = applied.outcome();
            detail = applied.detail();
        }
        em.persist(new WebhookEvent(provider.name(), notice.eventId(), notice.eventType(), payment == null ? null : payment.id(),
                outcome, detail, clock.instant()));
        em.flush();
        return new Received(notice.eventId(), outcome, false);
    }

    private record Applied(Outcome outcome, String detail) {
    }

    private Applied apply(Payment payment, WebhookNotice notice) {
        PaymentStatus status = payment.status();
        switch (notice.kind()) {
            case SUCCEEDED -> {
                if (status == PaymentStatus.CREATED) {
                    payment.open(notice.providerRef(), null, clock.instant());
                    status = payment.status();
                }
                if (status == PaymentStatus.PENDING) {
                    boolean paid = settlements.paid(payment, notice.amount(), notice.providerPaymentRef(), notice.customer(),
                            notice.paymentMethod());
                    return paid ? new Applied(Outcome.APPLIED, null)
                            : new Applied(Outcome.REJECTED, "amount mismatch: " + (notice.amount() == null ? "none" : notice.amount().display()));
                }
                if (status == PaymentStatus.PAID) {
                    settlements.rememberMethod(payment, notice.customer(), notice.paymentMethod());
                } else if (status == PaymentStatus.CANCELLED || status == PaymentStatus.FAILED) {
                    LOG.log(Level.SEVERE, "Payment {0} is {1} but {2} reports it succeeded: the money may need a refund",
                            new Object[] {payment.id(), status, payment.provider()});
                }
                return new Applied(Outcome.IGNORED, "payment is " + status);
            }
            case FAILED -> {
                if (status.isOpen()) {
                    settlements.failed(payment, notice.failure());
                    return new Applied(Outcome.APPLIED, null);
                }
                return new Applied(Outcome.IGNORED, "payment is " + status);
            }
            case EXPIRED -> {
                if (status.isOpen()) {
                    settlements.cancelled(payment);
                    return new Applied(Outcome.APPLIED, null);
                }
                return new Applied(Outcome.IGNORED, "payment is " + status);
            }
            case REFUNDED -> {
                if (status == PaymentStatus.PAID) {
                    settlements.refunded(payment);
                    return new Applied(Outcome.APPLIED, null);
                }
                if (status.isOpen()) {
                    throw new WebhookOutOfOrder("Payment " + payment.id() + " is not paid yet; deliver this refund again later.");
                }
                return new Applied(Outcome.IGNORED, "payment is " + status);
            }
            default -> {
                return new Applied(Outcome.IGNORED, "event not used");
            }
        }
    }

    /** The payment the event is about, row-locked; by Moim's id, else by the provider's references. */
    private Payment find(String provider, WebhookNotice notice) {
        String id = notice.paymentId();
        if ((id == null || id.length() != 36) && (notice.providerPaymentRef() != null || notice.providerRef() != null)) {
            List<String> ids = em.createQuery("""
                            select p.id from Payment p where p.provider = :provider
                              and (p.providerPaymentRef = :paymentRef or p.providerRef = :ref)""", String.class)
                    .setParameter("provider", provider)
                    .setParameter("paymentRef", notice.providerPaymentRef() == null ? "" : notice.providerPaymentRef())
                    .setParameter("ref", notice.providerRef() == null ? "" : notice.providerRef())
                    .setMaxResults(1)
                    .getResultList();
            id = ids.isEmpty() ? null : ids.get(0);
        }
        Payment payment = id == null || id.length() != 36 ? null : em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE);
        return payment != null && payment.isFrom(provider) ? payment : null;
    }

    private boolean recorded(String provider, String eventId) {
        return !em.createQuery("select e.id from WebhookEvent e where e.provider = :provider and e.eventId = :event", String.class)
                .setParameter("provider", provider)
                .setParameter("event", eventId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
