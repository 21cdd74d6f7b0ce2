package org.moim.billing.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.control.PlanOverview;
import org.moim.billing.entity.Subscription;

@Schema(name = "WorkspacePlan", description = "A workspace's plan, each limit with its current use, and every plan there is.")
public record WorkspacePlanView(
        String workspaceId,
        @Schema(example = "FREE") String plan,
        @Schema(example = "Free") String planName,
        @Schema(description = "ACTIVE, or PAST_DUE while a failed renewal is in its grace period.") String status,
        @Schema(description = "When the paid period ends (absent on FREE).") Instant periodEnd,
        @Schema(description = "The plan ends at periodEnd instead of renewing.") boolean cancelAtPeriodEnd,
        List<UsageView> limits,
        List<PlanView> plans) {

    @Schema(name = "LimitUsage", description = "One limit: the maximum (null: unlimited), the current use (null: not counted), "
            + "the plan that lifts it and the server's own maximum whatever the plan.")
    public record UsageView(@Schema(example = "MEMBERS") String limit, @Schema(example = "10") Long max,
                            @Schema(example = "3") Long used,
                            @Schema(description = "Over the limit after a downgrade: read-only, see docs/billing.md.") boolean over,
                            @Schema(example = "PREMIUM") String liftedBy,
                            @Schema(description = "The most this server allows whatever the plan (null: no such cap); every plan's "
                                    + "maximum is at most this. CALL_PARTICIPANTS: moim.calls.max-participants.", example = "8")
                            Long ceiling) {
        static UsageView from(PlanLimits.Usage usage) {
            return new UsageView(usage.limit().name(), usage.max(), usage.used(), usage.isOver(), usage.liftedBy(), usage.ceiling());
        }
    }

    static WorkspacePlanView from(PlanOverview.Overview overview) {
        Subscription s = overview.subscription().filter(Subscription::isPaid).orElse(null);
        boolean paid = s != null && !"FREE".equals(overview.plan().code());
        return new WorkspacePlanView(overview.workspaceId(), overview.plan().code(), overview.plan().name(),
                paid ? s.status().name() : "ACTIVE", paid ? s.periodEnd() : null, paid && s.cancelAtPeriodEnd(),
                overview.usage().stream().map(UsageView::from).toList(),
                overview.plans().stream().map(p -> PlanView.from(p, overview.prices())).toList());
    }
}
