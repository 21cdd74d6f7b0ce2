package org.moim.billing.entity;

import java.time.Instant;
import java.time.ZoneOffset;

/** How long one payment of a subscription lasts. Periods are counted in calendar months in UTC. */
public enum BillingPeriod {
    MONTHLY(1), YEARLY(12);

    private final int months;

    BillingPeriod(int months) {
        this.months = months;
    }

    /** The end of a period that starts at {@code start} (Jan 31 + 1 month = Feb 28/29). */
    public Instant after(Instant start) {
        return start.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
