package org.moim.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One payment for a plan and period: the aggregate guards its state machine
 * ({@link PaymentStatus}) and refuses every other move with {@link IllegalPaymentTransition}.
 * While open (CREATED or PENDING) {@code open_for} holds the workspace id, and a unique key
 * allows one open payment per workspace. Its idempotency key goes with every provider call.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentPurpose purpose;

    @Column(name = "plan_code", nullable = false, length = 32)
    private String planCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period", nullable = false, length = 16)
    private BillingPeriod period;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentStatus status;

    @Column(nullable = false, length = 16)
    private String provider;

    @Column(name = "provider_ref", length = 255)
    private String providerRef;

    @Column(name = "provider_payment_ref", length = 255)
    private String providerPaymentRef;

    @Column(name = "checkout_url", length = 2000)
    private String checkoutUrl;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 64)
    private String idempotencyKey;

    @Column(name = "open_for", length = 36)
    private String openFor;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    @Version
    private long version;

    protected Payment() {
    }

    public Payment(String workspaceId, PaymentPurpose purpose, String planCode, BillingPeriod period, Money amount,
                   String provider, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.purpose = Objects.requireNonNull(purpose);
        this.planCode = Objects.requireNonNull(planCode);
        this.period = Objects.requireNonNull(period);
        this.amountMinor = amount.minor();
        this.currency = amount.currency();
        this.provider = Objects.requireNonNull(provider);
        this.createdBy = createdBy;
        this.idempotencyKey = UUID.randomUUID().toString();
        this.status = PaymentStatus.CREATED;
        this.openFor = workspaceId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** CREATED → PENDING: the provider made a checkout (or a charge) for it. */
    public void open(String providerRef, String checkoutUrl, Instant now) {
        move(PaymentStatus.PENDING, now);
        this.providerRef = providerRef;
        this.checkoutUrl = checkoutUrl;
    }

    /**
     * PENDING → PAID, only for exactly the amount and currency ordered; otherwise
     * {@link AmountMismatch} and nothing changes (the caller fails the payment).
     */
    public void pay(Money reported, String providerPaymentRef, Instant now) {
        if (status != PaymentStatus.PENDING) {
            throw new IllegalPaymentTransition(status, PaymentStatus.PAID);
        }
        if (!amount().equals(reported)) {
            throw new AmountMismatch(amount(), reported);
        }
        move(PaymentStatus.PAID, now);
        if (providerPaymentRef != null) {
            this.providerPaymentRef = providerPaymentRef;
        }
        this.paidAt = now;
    }

    /** CREATED or PENDING → FAILED, with the reason (one line). */
    public void fail(String reason, Instant now) {
        move(PaymentStatus.FAILED, now);
        this.failureReason = oneLine(reason);
    }

    /** CREATED or PENDING → CANCELLED. */
    public void cancel(Instant now) {
        move(PaymentStatus.CANCELLED, now);
    }

    /** PAID → REFUNDED. */
    public void refund(Instant now) {
        move(PaymentStatus.REFUNDED, now);
        this.refundedAt = now;
    }

    private void move(PaymentStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalPaymentTransition(status, next);
        }
        status = next;
        openFor = next.isOpen() ? workspaceId : null;
        updatedAt = now;
    }

    /** Whether the provider may report for this payment what it reported: the same provider. */
    public boolean isFrom(String providerName) {
        return provider.equals(providerName);
    }

    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 500 ? line : line.substring(0, 499) + "…";
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public PaymentPurpose purpose() {
        return purpose;
    }

    public String planCode() {
        return planCode;
    }

    public BillingPeriod period() {
        return period;
    }

    public PaymentStatus status() {
        return status;
    }

    public String provider() {
        return provider;
    }

    public String providerRef() {
        return providerRef;
    }

    public String providerPaymentRef() {
        return providerPaymentRef;
    }

    public String checkoutUrl() {
        return checkoutUrl;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant refundedAt() {
        return refundedAt;
    }

    public String failureReason() {
        return failureReason;
    }

    public boolean isOpen() {
        return status.isOpen();
    }
}
