package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.moim.billing.entity.PlanPrice;
import org.moim.billing.entity.Subscription;

/** What {@code GET /workspaces/{id}/plan} shows: the plan in force, its limits and their use, every plan. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanOverview {

    @Inject
    BillingPolicy policy;

    @Inject
    PlanLimits limits;

    @Inject
    PlanCatalog catalog;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Clock clock;

    /** The overview as the caller may see it. */
    public record Overview(String workspaceId, PlanTerms plan, Optional<Subscription> subscription,
                           List<PlanLimits.Usage> usage, List<PlanTerms> plans, List<PlanPrice> prices) {
    }

    public Overview of(String workspaceId, String accountId) {
        policy.require(workspaceId, accountId, BillingAction.VIEW_PLAN);
        Optional<Subscription> subscription = subscriptions.of(workspaceId);
        PlanTerms plan = catalog.plan(subscription.map(s -> s.planAt(clock.instant())).orElse(org.moim.billing.entity.Plan.FREE));
        return new Overview(workspaceId, plan, subscription, limits.usage(workspaceId), catalog.all(), catalog.prices());
    }
}
