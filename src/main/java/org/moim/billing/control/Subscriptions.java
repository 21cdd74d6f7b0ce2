package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.moim.billing.entity.Plan;
import org.moim.billing.entity.Subscription;
import org.moim.billing.entity.SubscriptionStatus;

/** Reading a workspace's subscription, cancelling and resuming it, lapsing it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Subscriptions {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BillingPolicy policy;

    @Inject
    BillingEvents events;

    @Inject
    Clock clock;

    /** The workspace's subscription, if it ever paid. */
    public Optional<Subscription> of(String workspaceId) {
        return em.createQuery("select s from Subscription s where s.workspaceId = :workspace", Subscription.class)
                .setParameter("workspace", workspaceId)
                .getResultStream().findFirst();
    }

    /** What the owners' billing page shows: the subscription (if any) and the open payment (if any). */
    public record Summary(Optional<Subscription> subscription, Optional<org.moim.billing.entity.Payment> openPayment, Instant now) {
    }

    public Summary summary(String workspaceId, String accountId) {
        policy.require(workspaceId, accountId, BillingAction.VIEW_BILLING);
        Optional<org.moim.billing.entity.Payment> open = em.createQuery(
                        "select p from Payment p where p.openFor = :workspace", org.moim.billing.entity.Payment.class)
                .setParameter("workspace", workspaceId)
                .getResultStream().findFirst();
        return new Summary(of(workspaceId), open, clock.instant());
    }

    /** The plan code in force now (FREE without a subscription). */
    public String planAt(String workspaceId, Instant now) {
        return of(workspaceId).map(s -> s.planAt(now)).orElse(Plan.FREE);
    }

    /** The subscription, created (FREE) if there is none yet; the caller holds the workspace lock. */
    public Subscription forUpdate(String workspaceId) {
        return of(workspaceId).orElseGet(() -> {
            Subscription created = new Subscription(workspaceId, clock.instant());
            em.persist(created);
            return created;
        });
    }

    public Subscription cancel(String workspaceId, String accountId) {
        policy.require(workspaceId, accountId, BillingAction.MANAGE_BILLING);
        Subscription subscription = of(workspaceId).orElseThrow(
                () -> new org.moim.billing.entity.NotSubscribed("This workspace has no paid plan to cancel."));
        boolean wasCancelled = subscription.cancelAtPeriodEnd();
        subscription.cancelAtPeriodEnd(clock.instant());
        if (!wasCancelled) {
            events.record(workspaceId, "subscription.cancel-requested", accountId, null,
                    subscription.planCode() + " ends at " + subscription.periodEnd());
        }
        em.flush();
        return subscription;
    }

    public Subscription resume(String workspaceId, String accountId) {
        policy.require(workspaceId, accountId, BillingAction.MANAGE_BILLING);
        Subscription subscription = of(workspaceId).orElseThrow(
                () -> new org.moim.billing.entity.NotSubscribed("This workspace has no paid plan to resume; upgrade instead."));
        boolean wasCancelled = subscription.cancelAtPeriodEnd();
        subscription.resume(clock.instant());
        if (wasCancelled) {
            events.record(workspaceId, "subscription.resumed", accountId, null, subscription.planCode() + " renews at " + subscription.periodEnd());
        }
        em.flush();
        return subscription;
    }

    /** Ids of paid subscriptions that must lapse to FREE at {@code now} (in a transaction of its own when there is none). */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> lapsing(Instant now) {
        return em.createQuery("""
                        select s.id from Subscription s where s.planCode <> :free and (
                          (s.cancelAtPeriodEnd = true and s.periodEnd <= :now)
                          or (s.status = :pastDue and s.graceUntil <= :now))""", String.class)
                .setParameter("free", Plan.FREE)
                .setParameter("now", now)
                .setParameter("pastDue", SubscriptionStatus.PAST_DUE)
                .getResultList();
    }

    /** Ids of paid subscriptions whose period is over and that nobody cancelled. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> dueForRenewal(Instant now) {
        return em.createQuery("""
                        select s.id from Subscription s where s.planCode <> :free and s.status = :active
                          and s.cancelAtPeriodEnd = false and s.periodEnd <= :now""", String.class)
                .setParameter("free", Plan.FREE)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("now", now)
                .getResultList();
    }

    /** Lapses one subscription if it is still due (idempotent: every node may run the job). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean lapseIfDue(String subscriptionId, Instant now) {
        Subscription subscription = em.find(Subscription.class, subscriptionId);
        if (subscription == null || !subscription.lapseDue(now)) {
            return false;
        }
        String plan = subscription.planCode();
        String why = subscription.cancelAtPeriodEnd() ? "cancelled, period ended" : "renewal not paid by the end of the grace period";
        subscription.lapse(now);
        events.record(subscription.workspaceId(), "subscription.lapsed", null, null, plan + " → FREE (" + why + ")");
        return true;
    }
}
