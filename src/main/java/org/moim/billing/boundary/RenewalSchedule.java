package org.moim.billing.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.moim.billing.control.Renewals;

/**
 * Every ten minutes: lapses cancelled and unpaid subscriptions and charges renewals. Without a
 * container transaction: each step commits on its own and no lock is held across a provider call.
 * Every node runs it; the steps are idempotent.
 */
@Singleton
public class RenewalSchedule {

    @Inject
    Renewals renewals;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*/10", timezone = "UTC", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void renew() {
        renewals.run(clock.instant());
    }
}
