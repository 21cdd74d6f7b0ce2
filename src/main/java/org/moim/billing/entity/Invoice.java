package org.moim.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The invoice of one paid payment (one per payment: unique {@code payment_id}), with what it was
 * for copied in, so it reads the same after the workspace is renamed or purged.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** PAID, or REFUNDED after the payment was refunded. */
    public enum Status {
        PAID, REFUNDED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "invoice_number", nullable = false, unique = true, length = 32)
    private String number;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Column(name = "payment_id", nullable = false, unique = true, length = 36)
    private String paymentId;

    @Column(name = "workspace_name", nullable = false, length = 200)
    private String workspaceName;

    @Column(name = "plan_code", nullable = false, length = 32)
    private String planCode;

    @Column(name = "plan_name", nullable = false, length = 80)
    private String planName;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period", nullable = false, length = 16)
    private BillingPeriod period;

    @Column(name = "period_start", nullable = false)
    private Instant periodStart;

    @Column(name = "period_end", nullable = false)
    private Instant periodEnd;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false, length = 16)
    private String provider;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Version
    private long version;

    protected Invoice() {
    }

    public Invoice(Payment payment, String workspaceName, String planName, Instant periodStart, Instant periodEnd, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.number = "M" + DAY.format(now) + "-" + payment.id().substring(0, 8).toUpperCase(Locale.ROOT);
        this.workspaceId = payment.workspaceId();
        this.paymentId = payment.id();
        this.workspaceName = workspaceName;
        this.planCode = payment.planCode();
        this.planName = planName;
        this.period = payment.period();
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.amountMinor = payment.amount().minor();
        this.currency = payment.amount().currency();
        this.status = Status.PAID;
        this.provider = payment.provider();
        this.issuedAt = now;
    }

    public void refunded(Instant now) {
        if (status != Status.REFUNDED) {
            status = Status.REFUNDED;
            refundedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String paymentId() {
        return paymentId;
    }

    public String workspaceName() {
        return workspaceName;
    }

    public String planCode() {
        return planCode;
    }

    public String planName() {
        return planName;
    }

    public BillingPeriod period() {
        return period;
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public Status status() {
        return status;
    }

    public String provider() {
        return provider;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant refundedAt() {
        return refundedAt;
    }
}
