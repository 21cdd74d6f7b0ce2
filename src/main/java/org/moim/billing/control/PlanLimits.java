package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.moim.billing.entity.Limit;
import org.moim.workspace.entity.Workspace;

/**
 * The one policy every feature asks about plan limits. Past a limit it throws
 * {@link PlanLimitReached} ({@code /problems/plan-limit}, 402) naming the limit, the use, the
 * maximum and the plan that lifts it. {@code docs/billing.md} says which feature calls what, where.
 *
 * <ul>
 *   <li>{@link #requireRoom(String, Limit, long)}: a counted limit (members, boards, storage,
 *   integrations) has room for {@code adding} more; the use comes from the feature's
 *   {@link UsageMeter}. It locks the workspace row first, so two requests cannot both take the
 *   last place.</li>
 *   <li>{@link #requireRoom(String, Limit, long, long)}: the same when the caller counted (one
 *   call's participants).</li>
 *   <li>{@link #requireAtMost(String, Limit, long)}: one thing fits (a file's size), or the n-th
 *   thing is still within the limit (the read-only rule: board number n of the workspace).</li>
 *   <li>{@link #historyVisibleFrom(String)}: the oldest instant of chat history shown.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanLimits {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    PlanCatalog catalog;

    @Inject
    Subscriptions subscriptions;

    @Inject
    @Any
    Instance<UsageMeter> meters;

    @Inject
    Clock clock;

    /**
     * One limit of a plan and what the workspace uses of it (null: not counted, e.g. no meter yet);
     * {@code ceiling} is the server's own maximum whatever the plan (null: none), see {@link LimitCeiling}.
     */
    public record Usage(Limit limit, Long max, Long used, String liftedBy, Long ceiling) {
        public boolean isOver() {
            return max != null && used != null && used > max;
        }
    }

    /** The plan in force for the workspace now, with its limits. */
    public PlanTerms planOf(String workspaceId) {
        return catalog.plan(subscriptions.planAt(workspaceId, clock.instant()));
    }

    /** Room for {@code adding} more of a counted limit, measured by its {@link UsageMeter}. */
    public void requireRoom(String workspaceId, Limit limit, long adding) {
        if (limit.kind() != Limit.Kind.COUNTED) {
            throw new IllegalArgumentException(limit + " is not a counted limit; use requireAtMost");
        }
        PlanTerms plan = planOf(workspaceId);
        if (plan.max(limit) == null) {
            return;
        }
        // Serializes everyone adding to this workspace, so the count below is not stale at commit.
        Workspace workspace = em.find(Workspace.class, workspaceId);
        if (workspace != null) {
            em.lock(workspace, LockModeType.PESSIMISTIC_WRITE);
        }
        check(plan, limit, meter(limit).map(m -> m.used(workspaceId)).orElse(0L), adding);
    }

    /** Room for {@code adding} more when the caller counted the use itself. */
    public void requireRoom(String workspaceId, Limit limit, long used, long adding) {
        check(planOf(workspaceId), limit, used, adding);
    }

    /** {@code value} is within the limit: a file's size, participants after joining, the n-th board. */
    public void requireAtMost(String workspaceId, Limit limit, long value) {
        PlanTerms plan = planOf(workspaceId);
        if (!plan.allows(limit, value)) {
            throw new PlanLimitReached(new LimitReached(limit.name(), value, plan.max(limit), plan.code(), liftedBy(plan, limit, value)));
        }
    }

    /**
     * The refusal for {@code limit} at {@code used}, to throw later (a feature that checks while
     * streaming, like uploads, prepares it before it starts).
     */
    public PlanLimitReached reached(String workspaceId, Limit limit, long used) {
        PlanTerms plan = planOf(workspaceId);
        return new PlanLimitReached(new LimitReached(limit.name(), used, plan.max(limit), plan.code(), liftedBy(plan, limit, used + 1)));
    }

    /** Whether {@code value} is within the limit (for read-only decisions that must not throw). */
    public boolean allows(String workspaceId, Limit limit, long value) {
        return planOf(workspaceId).allows(limit, value);
    }

    /** Chat messages older than this are hidden (never deleted); empty when the plan shows everything. */
    public Optional<Instant> historyVisibleFrom(String workspaceId) {
        Long days = planOf(workspaceId).max(Limit.MESSAGE_HISTORY_DAYS);
        return days == null ? Optional.empty() : Optional.of(clock.instant().minus(Duration.ofDays(days)));
    }

    /** Every limit of the workspace's plan with its current use (one query per meter). */
    public List<Usage> usage(String workspaceId) {
        PlanTerms plan = planOf(workspaceId);
        List<PlanTerms> all = catalog.all();
        Map<Limit, Long> used = new EnumMap<>(Limit.class);
        for (UsageMeter meter : meters) {
            used.put(meter.limit(), meter.used(workspaceId));
        }
        List<Usage> usage = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            Long current = used.get(limit);
            usage.add(new Usage(limit, plan.max(limit), current, liftedBy(all, plan, limit, current == null ? null : current + 1),
                    catalog.ceiling(limit)));
        }
        return usage;
    }

    private void check(PlanTerms plan, Limit limit, long used, long adding) {
        if (!plan.allows(limit, used + adding)) {
            throw new PlanLimitReached(new LimitReached(limit.name(), used, plan.max(limit), plan.code(),
                    liftedBy(plan, limit, used + adding)));
        }
    }

    private String liftedBy(PlanTerms current, Limit limit, long needed) {
        return liftedBy(catalog.all(), current, limit, needed);
    }

    /** The lowest-ranked plan above {@code current} whose limit allows {@code needed} (or is higher, when unknown). */
    static String liftedBy(List<PlanTerms> plans, PlanTerms current, Limit limit, Long needed) {
        Long max = current.max(limit);
        if (max == null) {
            return null;
        }
        for (PlanTerms plan : plans) {
            if (plan.rank() <= current.rank()) {
                continue;
            }
            Long higher = plan.max(limit);
            boolean lifts = needed == null ? higher == null || higher > max : plan.allows(limit, needed);
            if (lifts) {
                return plan.code();
            }
        }
        return null;
    }

    private Optional<UsageMeter> meter(Limit limit) {
        for (UsageMeter meter : meters) {
            if (meter.limit() == limit) {
                return Optional.of(meter);
            }
        }
        return Optional.empty();
    }
}
