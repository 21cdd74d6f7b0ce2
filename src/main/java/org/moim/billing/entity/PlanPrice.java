package org.moim.billing.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a plan costs per period in one currency (a row of {@code plan_price}). */
@Entity
@Cacheable
@Table(name = "plan_price")
public class PlanPrice {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "plan_code", nullable = false, length = 32)
    private String planCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period", nullable = false, length = 16)
    private BillingPeriod period;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    protected PlanPrice() {
    }

    public String planCode() {
        return planCode;
    }

    public BillingPeriod period() {
        return period;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }
}
