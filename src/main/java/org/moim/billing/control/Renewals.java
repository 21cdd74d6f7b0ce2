package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The renewal job's work at an instant (the schedule passes its clock's; tests pass any): lapse
 * what must lapse, then charge the saved card of every subscription whose period is over. Every
 * step is idempotent and commits on its own, so every node may run it, and a failure of one
 * workspace never stops the others.
 */
@ApplicationScoped
public class Renewals {

    private static final Logger LOG = Logger.getLogger(Renewals.class.getName());

    @Inject
    Subscriptions subscriptions;

    @Inject
    Payments payments;

    @Inject
    PaymentProviders providers;

    /** How many subscriptions lapsed and how many renewals were charged. */
    public record Run(int lapsed, int charged) {
    }

    public Run run(Instant now) {
        int lapsed = 0;
        for (String id : subscriptions.lapsing(now)) {
            try {
                if (subscriptions.lapseIfDue(id, now)) {
                    lapsed++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not lapse subscription " + id + "; the next run tries again", e);
            }
        }
        int charged = 0;
        for (String id : subscriptions.dueForRenewal(now)) {
            try {
                if (renew(id, now)) {
                    charged++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not renew subscription " + id + "; the next run tries again", e);
            }
        }
        if (lapsed + charged > 0) {
            LOG.info("Renewals at " + now + ": " + lapsed + " lapsed, " + charged + " charged");
        }
        return new Run(lapsed, charged);
    }

    private boolean renew(String subscriptionId, Instant now) {
        Optional<Payments.PreparedRenewal> prepared = payments.prepareRenewal(subscriptionId, now);
        if (prepared.isEmpty()) {
            return false;
        }
        PaymentProvider.ChargeOrder order = prepared.get().order();
        PaymentProvider.ProviderCharge charge;
        try {
            charge = providers.byName(prepared.get().payment().provider()).chargeSavedMethod(order);
        } catch (RuntimeException e) {
            payments.chargeNotMade(order.paymentId(), "provider unreachable: " + e.getMessage());
            return false;
        }
        payments.charged(order.paymentId(), charge);
        return true;
    }

}
