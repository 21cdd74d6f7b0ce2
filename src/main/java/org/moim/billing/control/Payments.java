package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.entity.BillingPeriod;
import org.moim.billing.entity.IllegalPaymentTransition;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.Payment;
import org.moim.billing.entity.PaymentPurpose;
import org.moim.billing.entity.PaymentStatus;
import org.moim.billing.entity.Plan;
import org.moim.billing.entity.Subscription;
import org.moim.billing.entity.SubscriptionStatus;
import org.moim.identity.control.AccountStore;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/**
 * Payments in the database. The steps around a provider call ({@link Checkouts},
 * {@link Renewals}, {@link Refunds}) each commit on their own ({@code REQUIRES_NEW}), so no row
 * lock is held while a provider answers; everything else joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Payments {

    public static final int MAX_LIST = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BillingPolicy policy;

    @Inject
    PlanCatalog catalog;

    @Inject
    Subscriptions subscriptions;

    @Inject
    BillingEvents events;

    @Inject
    PaymentProviders providers;

    @Inject
    Settlements settlements;

    @Inject
    AccountStore accounts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.billing.refund-window", defaultValue = "P14D")
    Duration refundWindow;

    /** A checkout to start (or resume): the payment, whether it is new, and what the provider needs. */
    public record PreparedCheckout(Payment payment, boolean isNew, Payment replaced, String customerEmail, String customer,
                                   String description) {
    }

    /**
     * The workspace's one open payment for these terms: the existing one, or a new CREATED one
     * (an open checkout for other terms is cancelled). The workspace row lock makes concurrent
     * requests take turns, and the unique {@code open_for} would refuse a second open payment.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PreparedCheckout prepareCheckout(String workspaceId, String accountId, String planCode, BillingPeriod period,
                                            String currency) {
        Membership owner = policy.require(workspaceId, accountId, BillingAction.MANAGE_BILLING);
        if (planCode == null || Plan.FREE.equals(planCode)) {
            throw new InvalidField("plan", "must be a paid plan (to go back to FREE, cancel the subscription)");
        }
        if (period == null) {
            throw new InvalidField("period", "must be MONTHLY or YEARLY");
        }
        PlanTerms plan = catalog.plan(planCode);
        Money price = catalog.price(plan.code(), period, currency).orElseThrow(
                () -> new InvalidField("currency", plan.code() + " has no " + period + " price in " + currency));
        em.lock(owner.workspace(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        Optional<Subscription> subscription = subscriptions.of(workspaceId);
        subscription.ifPresent(s -> {
            if (s.planAt(now).equals(plan.code()) && s.status() == SubscriptionStatus.ACTIVE && s.period() == period) {
                throw new AlreadySubscribed(s.cancelAtPeriodEnd()
                        ? "This workspace is on " + plan.code() + " " + period + " until " + s.periodEnd() + "; resume it instead."
                        : "This workspace is on " + plan.code() + " " + period + " already.");
            }
        });
        Payment replaced = null;
        Optional<Payment> open = open(workspaceId);
        if (open.isPresent()) {
            Payment existing = open.get();
            if (existing.purpose() == PaymentPurpose.RENEWAL) {
                throw new PaymentInProgress("A renewal charge is under way; wait for it to finish.");
            }
            if (existing.planCode().equals(plan.code()) && existing.period() == period && existing.amount().equals(price)
                    && existing.provider().equals(providers.active().name())) {
                // The same parameters as the first time: the provider sees the same idempotent request.
                return new PreparedCheckout(existing, false, null, accounts.byId(existing.createdBy()).email(),
                        savedCustomer(subscription, existing.provider()), description(plan, period));
            }
            existing.cancel(now);
            events.record(workspaceId, "payment.cancelled", accountId, existing.id(), "replaced by a checkout for other terms");
            em.flush();
            replaced = existing;
        }
        String provider = providers.active().name();
        Payment payment = new Payment(workspaceId, PaymentPurpose.UPGRADE, plan.code(), period, price, provider, accountId, now);
        em.persist(payment);
        em.flush();
        events.record(workspaceId, "payment.created", accountId, payment.id(), plan.code() + " " + period + " " + price.display());
        return new PreparedCheckout(payment, true, replaced, accounts.byId(accountId).email(), savedCustomer(subscription, provider),
                description(plan, period));
    }

    private static String savedCustomer(Optional<Subscription> subscription, String provider) {
        return subscription.filter(s -> provider.equals(s.provider())).map(Subscription::providerCustomer).orElse(null);
    }

    static String description(PlanTerms plan, BillingPeriod period) {
        return "Moim " + plan.name() + " (" + period.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** The provider made the checkout: CREATED → PENDING (a second caller finds it PENDING already). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Payment opened(String paymentId, PaymentProvider.ProviderCheckout checkout) {
        Payment payment = locked(paymentId);
        if (payment.status() == PaymentStatus.CREATED) {
            payment.open(checkout.ref(), checkout.url(), clock.instant());
            events.record(payment.workspaceId(), "payment.pending", null, payment.id(), payment.provider() + " " + checkout.ref());
        }
        return payment;
    }

    /** The workspace's open payment, if any. */
    public Optional<Payment> open(String workspaceId) {
        return em.createQuery("select p from Payment p where p.openFor = :workspace", Payment.class)
                .setParameter("workspace", workspaceId)
                .getResultStream().findFirst();
    }

    /** A payment with its row locked (webhooks and the steps above take turns on it). */
    public Payment locked(String paymentId) {
        Payment payment = paymentId == null ? null : em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw new NotFound("The payment");
        }
        return payment;
    }

    public Page<Payment> list(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.newestFirst("p.createdAt", "p.id", limit, cursor);
        policy.require(workspaceId, accountId, BillingAction.VIEW_BILLING);
        return keyset.page(em.createQuery("select p from Payment p where p.workspaceId = :workspace"
                        + keyset.and() + keyset.orderBy(), Payment.class)
                .setParameter("workspace", workspaceId), x -> new Cursor(x.createdAt(), x.id()));
    }

    public Payment get(String workspaceId, String accountId, String paymentId) {
        policy.require(workspaceId, accountId, BillingAction.VIEW_BILLING);
        return ofWorkspace(workspaceId, paymentId);
    }

    private Payment ofWorkspace(String workspaceId, String paymentId) {
        Payment payment = paymentId == null ? null : em.find(Payment.class, paymentId);
        if (payment == null || !payment.workspaceId().equals(workspaceId)) {
            throw new NotFound("The payment");
        }
        return payment;
    }

    /** The owner abandons an open checkout: CANCELLED (the provider's checkout is expired after commit). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Payment cancelOpen(String workspaceId, String accountId, String paymentId) {
        policy.require(workspaceId, accountId, BillingAction.MANAGE_BILLING);
        Payment payment = ofWorkspace(workspaceId, paymentId);
        em.lock(payment, LockModeType.PESSIMISTIC_WRITE);
        if (payment.status() == PaymentStatus.CANCELLED) {
            return payment;
        }
        if (payment.purpose() == PaymentPurpose.RENEWAL) {
            throw new IllegalPaymentTransition(payment.status(), PaymentStatus.CANCELLED);
        }
        payment.cancel(clock.instant());
        events.record(workspaceId, "payment.cancelled", accountId, payment.id(), "cancelled by the owner");
        return payment;
    }

    /** Checks a refund may be asked for and records the request; the provider call follows. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Payment requestRefund(String workspaceId, String accountId, String paymentId) {
        policy.require(workspaceId, accountId, BillingAction.MANAGE_BILLING);
        Payment payment = ofWorkspace(workspaceId, paymentId);
        em.lock(payment, LockModeType.PESSIMISTIC_WRITE);
        if (payment.status() != PaymentStatus.PAID) {
            throw new IllegalPaymentTransition(payment.status(), PaymentStatus.REFUNDED);
        }
        Instant now = clock.instant();
        if (payment.paidAt().plus(refundWindow).isBefore(now)) {
            throw new RefundWindowOver("Payments can be refunded within " + refundWindow.toDays() + " days; this one was paid at "
                    + payment.paidAt() + ".");
        }
        events.record(workspaceId, "refund.requested", accountId, payment.id(), payment.amount().display());
        return payment;
    }

    /** A renewal to charge: the payment and the saved card, or empty when there is nothing to do. */
    public record PreparedRenewal(Payment payment, PaymentProvider.ChargeOrder order) {
    }

    /**
     * Creates the renewal payment of a subscription whose period is over (once: the workspace lock
     * and the one open payment make a second node's run find it). Without a saved payment method
     * the renewal fails at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<PreparedRenewal> prepareRenewal(String subscriptionId, Instant now) {
        Subscription subscription = em.find(Subscription.class, subscriptionId);
        if (subscription == null || !subscription.renewalDue(now)) {
            return Optional.empty();
        }
        Workspace workspace = em.find(Workspace.class, subscription.workspaceId(), LockModeType.PESSIMISTIC_WRITE);
        // The subscription's row too: a webhook settling the previous renewal locks it (Settlements.paid) while it
        // marks that payment PAID and extends the period. Read without the lock, this could see the old period end
        // (due) and then, once the webhook committed, no open payment, and charge a second time.
        em.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
        if (workspace == null || !subscription.renewalDue(now) || open(subscription.workspaceId()).isPresent()) {
            return Optional.empty();
        }
        String provider = subscription.provider() == null ? providers.active().name() : subscription.provider();
        Payment payment = new Payment(subscription.workspaceId(), PaymentPurpose.RENEWAL, subscription.planCode(),
                subscription.period(), subscription.price(), provider, null, now);
        em.persist(payment);
        em.flush();
        events.record(subscription.workspaceId(), "payment.created", null, payment.id(),
                "renewal " + subscription.planCode() + " " + subscription.period() + " " + payment.amount().display());
        if (subscription.providerPaymentMethod() == null) {
            settlements.failed(payment, "no saved payment method");
            return Optional.empty();
        }
        return Optional.of(new PreparedRenewal(payment, new PaymentProvider.ChargeOrder(payment.id(), payment.idempotencyKey(),
                payment.amount(), description(catalog.plan(payment.planCode()), payment.period()), subscription.providerCustomer(),
                subscription.providerPaymentMethod())));
    }

    /** The provider's answer to a renewal charge (its webhook may have come first: then nothing is left to do). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void charged(String paymentId, PaymentProvider.ProviderCharge charge) {
        Payment payment = locked(paymentId);
        if (payment.status() == PaymentStatus.CREATED) {
            if (charge.declined()) {
                settlements.failed(payment, charge.failure());
                return;
            }
            payment.open(charge.ref(), null, clock.instant());
            events.record(payment.workspaceId(), "payment.pending", null, payment.id(), payment.provider() + " " + charge.ref());
        } else if (payment.status() == PaymentStatus.PENDING && charge.declined()) {
            settlements.failed(payment, charge.failure());
        }
    }

    /** The provider could not be reached for a renewal: the payment fails, and the subscription goes past due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void chargeNotMade(String paymentId, String reason) {
        Payment payment = locked(paymentId);
        if (payment.isOpen()) {
            settlements.failed(payment, reason);
        }
    }
}
