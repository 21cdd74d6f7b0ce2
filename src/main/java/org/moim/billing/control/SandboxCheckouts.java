package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.moim.billing.entity.PaymentPurpose;
import org.moim.billing.entity.SandboxCheckout;
import org.moim.platform.problem.NotFound;

/**
 * The sandbox provider's "server side": checkouts and charges keyed by the caller's idempotency
 * key (the same key answers the same checkout), the checkout page's card handling, refunds. Each
 * state change queues the webhook a real provider would send ({@link SandboxWebhooks}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SandboxCheckouts {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    SandboxWebhooks webhooks;

    @Inject
    Clock clock;

    /** What a card did on the checkout page. */
    public enum Result {
        SUCCEEDED, DECLINED, REQUIRES_ACTION, INVALID_CARD, CLOSED
    }

    /** The checkout for this idempotency key: the existing one, or a new one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SandboxCheckout open(String idempotencyKey, String reference, PaymentPurpose purpose, String description,
                                org.moim.billing.entity.Money amount, String customer, String successUrl, String cancelUrl,
                                String webhookUrl, String locale) {
        Optional<SandboxCheckout> existing = byKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        SandboxCheckout checkout = new SandboxCheckout(SandboxCheckout.Kind.CHECKOUT, idempotencyKey, reference, purpose,
                description, amount, customer, successUrl, cancelUrl, webhookUrl, locale, clock.instant());
        em.persist(checkout);
        return checkout;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SandboxCheckout> byKey(String idempotencyKey) {
        return em.createQuery("select c from SandboxCheckout c where c.idempotencyKey = :key", SandboxCheckout.class)
                .setParameter("key", idempotencyKey)
                .getResultStream().findFirst();
    }

    /** Charges a saved card off-session; the outcome goes out as a webhook. Idempotent by key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SandboxCheckout charge(String idempotencyKey, String reference, String description,
                                  org.moim.billing.entity.Money amount, String customer, String paymentMethod,
                                  String configuredWebhookUrl) {
        Optional<SandboxCheckout> existing = byKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        String webhookUrl = configuredWebhookUrl != null ? configuredWebhookUrl : em.createQuery(
                        "select c.webhookUrl from SandboxCheckout c where c.paymentMethod = :method", String.class)
                .setParameter("method", paymentMethod)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        Instant now = clock.instant();
        SandboxCheckout charge = new SandboxCheckout(SandboxCheckout.Kind.CHARGE, idempotencyKey, reference, PaymentPurpose.RENEWAL,
                description, amount, customer, null, null, webhookUrl, null, now);
        String last4 = paymentMethod == null ? null : paymentMethod.substring("pm_sbx_".length()).split("_")[0];
        if (SandboxCards.renewalsSucceed(paymentMethod)) {
            charge.succeed(last4, paymentMethod, now);
        } else {
            charge.fail(last4, now);
        }
        em.persist(charge);
        if (webhookUrl != null) {
            boolean ok = charge.status() == SandboxCheckout.Status.SUCCEEDED;
            webhooks.send(charge, ok ? "payment.succeeded" : "payment.failed", ok ? null : "card_declined");
        }
        return charge;
    }

    /** The checkout behind a page address; 404 when there is none. */
    public SandboxCheckout find(String id) {
        SandboxCheckout checkout = id == null ? null : em.find(SandboxCheckout.class, id);
        if (checkout == null || checkout.kind() != SandboxCheckout.Kind.CHECKOUT) {
            throw new NotFound("The sandbox checkout");
        }
        return checkout;
    }

    /** The payer entered a card. */
    public Result pay(String id, String cardNumber) {
        SandboxCheckout checkout = find(id);
        if (checkout.status() != SandboxCheckout.Status.OPEN) {
            return checkout.status() == SandboxCheckout.Status.REQUIRES_ACTION ? Result.REQUIRES_ACTION : Result.CLOSED;
        }
        Instant now = clock.instant();
        String last4 = SandboxCards.last4(cardNumber);
        return switch (SandboxCards.of(cardNumber)) {
            case SUCCEEDS, RENEWALS_FAIL -> succeed(checkout, last4, now);
            case DECLINED -> {
                checkout.fail(last4, now);
                webhooks.send(checkout, "payment.failed", "card_declined");
                yield Result.DECLINED;
            }
            case REQUIRES_ACTION -> {
                checkout.requireAction(last4, now);
                yield Result.REQUIRES_ACTION;
            }
            case UNKNOWN -> Result.INVALID_CARD;
        };
    }

    /** The second step: the payer completed or failed the authentication. */
    public Result authenticate(String id, boolean completed) {
        SandboxCheckout checkout = find(id);
        if (checkout.status() != SandboxCheckout.Status.REQUIRES_ACTION) {
            return Result.CLOSED;
        }
        Instant now = clock.instant();
        if (completed) {
            return succeed(checkout, checkout.cardLast4(), now);
        }
        checkout.fail(checkout.cardLast4(), now);
        webhooks.send(checkout, "payment.failed", "authentication_failed");
        return Result.DECLINED;
    }

    /** The payer went back without paying: the checkout expires. */
    public SandboxCheckout abandon(String id) {
        SandboxCheckout checkout = find(id);
        expire(checkout);
        return checkout;
    }

    /** Expires an open checkout (the app cancelled its payment). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void expire(String id) {
        SandboxCheckout checkout = id == null ? null : em.find(SandboxCheckout.class, id);
        if (checkout != null) {
            expire(checkout);
        }
    }

    private void expire(SandboxCheckout checkout) {
        if (!checkout.status().isFinal()) {
            checkout.expire(clock.instant());
            webhooks.send(checkout, "checkout.expired", null);
        }
    }

    /** Refunds a succeeded payment (found by the checkout's or the payment's id); once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean refund(String checkoutId, String paymentRef) {
        SandboxCheckout checkout = checkoutId == null ? null : em.find(SandboxCheckout.class, checkoutId);
        if (checkout == null && paymentRef != null) {
            checkout = em.createQuery("select c from SandboxCheckout c where c.paymentRef = :ref", SandboxCheckout.class)
                    .setParameter("ref", paymentRef)
                    .getResultStream().findFirst().orElse(null);
        }
        if (checkout == null || checkout.status() != SandboxCheckout.Status.SUCCEEDED) {
            return checkout != null && checkout.status() == SandboxCheckout.Status.REFUNDED;
        }
        checkout.refund(clock.instant());
        webhooks.send(checkout, "payment.refunded", null);
        return true;
    }

    private Result succeed(SandboxCheckout checkout, String last4, Instant now) {
        checkout.succeed(last4, "pm_sbx_" + last4 + "_" + SandboxCheckout.token().substring(0, 16), now);
        webhooks.send(checkout, "payment.succeeded", null);
        return Result.SUCCEEDED;
    }
}
