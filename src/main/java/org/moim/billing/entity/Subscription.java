package org.moim.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A workspace's plan over time. FREE needs no row; the row appears with the first payment and
 * stays (FREE again after a lapse) so the saved payment method is remembered.
 *
 * <p>A paid plan runs from {@code periodStart} to {@code periodEnd}; the renewal job charges the
 * next period when it ends. Cancelling keeps the plan until the period ends; a failed renewal
 * makes it PAST_DUE with the plan kept until {@code graceUntil}; then it lapses to FREE. A lapse
 * never deletes anything (see {@code docs/billing.md}).
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, unique = true, length = 36)
    private String workspaceId;

    @Column(name = "plan_code", nullable = false, length = 32)
    private String planCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SubscriptionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period", length = 16)
    private BillingPeriod period;

    @Column(name = "amount_minor")
    private Long amountMinor;

    @Column(length = 3)
    private String currency;

    @Column(name = "period_start")
    private Instant periodStart;

    @Column(name = "period_end")
    private Instant periodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "grace_until")
    private Instant graceUntil;

    @Column(name = "current_payment_id", length = 36)
    private String currentPaymentId;

    @Column(length = 16)
    private String provider;

    @Column(name = "provider_customer", length = 255)
    private String providerCustomer;

    @Column(name = "provider_payment_method", length = 255)
    private String providerPaymentMethod;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(String workspaceId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.planCode = Plan.FREE;
        this.status = SubscriptionStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A payment went through. A renewal continues the period where it ended (also when paid late,
     * in the grace period); anything else starts a fresh period now. Clears cancel and grace.
     */
    public void activate(Payment paid, String customer, String paymentMethod, Instant now) {
        if (paid.status() != PaymentStatus.PAID) {
            throw new IllegalStateException("only a paid payment activates a plan, not a " + paid.status() + " one");
        }
        boolean continues = paid.purpose() == PaymentPurpose.RENEWAL && isPaid() && planCode.equals(paid.planCode())
                && periodEnd != null;
        Instant start = continues ? periodEnd : now;
        planCode = paid.planCode();
        period = paid.period();
        amountMinor = paid.amount().minor();
        currency = paid.amount().currency();
        periodStart = start;
        periodEnd = paid.period().after(start);
        status = SubscriptionStatus.ACTIVE;
        cancelAtPeriodEnd = false;
        graceUntil = null;
        currentPaymentId = paid.id();
        provider = paid.provider();
        if (customer != null) {
            providerCustomer = customer;
        }
        if (paymentMethod != null) {
            providerPaymentMethod = paymentMethod;
        }
        updatedAt = now;
    }

    /** Records a saved customer and payment method that a later provider event told. */
    public void activateMethods(String customer, String paymentMethod, Instant now) {
        if (customer != null) {
            providerCustomer = customer;
        }
        if (paymentMethod != null) {
            providerPaymentMethod = paymentMethod;
        }
        updatedAt = now;
    }

    /** The plan that applies at {@code now}, also if the renewal job is late to lapse it. */
    public String planAt(Instant now) {
        return isPaid() && !lapseDue(now) ? planCode : Plan.FREE;
    }

    public boolean isPaid() {
        return !Plan.FREE.equals(planCode);
    }

    /** Keeps the plan until the period ends, then FREE; no renewal is charged. */
    public void cancelAtPeriodEnd(Instant now) {
        if (!isPaid() || lapseDue(now)) {
            throw new NotSubscribed("This workspace has no paid plan to cancel.");
        }
        if (cancelAtPeriodEnd) {
            return;
        }
        cancelAtPeriodEnd = true;
        updatedAt = now;
    }

    /** Takes back a cancellation before the period ends. */
    public void resume(Instant now) {
        if (!isPaid() || lapseDue(now)) {
            throw new NotSubscribed("This workspace has no paid plan to resume; upgrade instead.");
        }
        if (!cancelAtPeriodEnd) {
            return;
        }
        cancelAtPeriodEnd = false;
        updatedAt = now;
    }

    /** The period is over and nobody cancelled: time to charge the next one. */
    public boolean renewalDue(Instant now) {
        return isPaid() && status == SubscriptionStatus.ACTIVE && !cancelAtPeriodEnd && periodEnd != null
                && !now.isBefore(periodEnd);
    }

    /** A renewal charge failed: PAST_DUE, and the plan holds for {@code grace} after the period end. */
    public void renewalFailed(Duration grace, Instant now) {
        if (!isPaid() || status == SubscriptionStatus.PAST_DUE) {
            return;
        }
        status = SubscriptionStatus.PAST_DUE;
        Instant from = periodEnd == null || periodEnd.isBefore(now) ? now : periodEnd;
        graceUntil = from.plus(grace);
        updatedAt = now;
    }

    /** Cancelled and the period is over, or past due and the grace period is over. */
    public boolean lapseDue(Instant now) {
        if (!isPaid()) {
            return false;
        }
        boolean cancelledAndOver = cancelAtPeriodEnd && periodEnd != null && !now.isBefore(periodEnd);
        boolean graceOver = status == SubscriptionStatus.PAST_DUE && graceUntil != null && !now.isBefore(graceUntil);
        return cancelledAndOver || graceOver;
    }

    /** Back to FREE. Keeps the customer and payment method for a later upgrade. */
    public void lapse(Instant now) {
        planCode = Plan.FREE;
        status = SubscriptionStatus.ACTIVE;
        period = null;
        amountMinor = null;
        currency = null;
        periodStart = null;
        periodEnd = null;
        cancelAtPeriodEnd = false;
        graceUntil = null;
        currentPaymentId = null;
        updatedAt = now;
    }

    /** A refunded payment that bought the running period ends the plan now. True if it did. */
    public boolean refunded(Payment payment, Instant now) {
        if (isPaid() && payment.id().equals(currentPaymentId)) {
            lapse(now);
            return true;
        }
        return false;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String planCode() {
        return planCode;
    }

    public SubscriptionStatus status() {
        return status;
    }

    public BillingPeriod period() {
        return period;
    }

    /** The price of the running period (null on FREE). */
    public Money price() {
        return amountMinor == null ? null : new Money(amountMinor, currency);
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    public Instant graceUntil() {
        return graceUntil;
    }

    public String currentPaymentId() {
        return currentPaymentId;
    }

    public String provider() {
        return provider;
    }

    public String providerCustomer() {
        return providerCustomer;
    }

    public String providerPaymentMethod() {
        return providerPaymentMethod;
    }

    public long version() {
        return version;
    }
}
