package org.moim.billing.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * A plan limit refuses the request: 402, so clients can tell it from a role (403) or a concurrent
 * edit (409) and offer the upgrade; the {@code limit} member says which limit and what lifts it.
 */
public class PlanLimitReached extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("plan-limit", 402, "Plan limit reached");

    private final LimitReached limit;

    public PlanLimitReached(LimitReached limit) {
        super(TYPE, detail(limit));
        this.limit = limit;
    }

    private static String detail(LimitReached l) {
        String lift = l.liftedBy() == null ? " No plan allows more." : " The " + l.liftedBy() + " plan allows more.";
        return "The " + l.plan() + " plan allows " + l.max() + " for " + l.limit() + "; this workspace is at " + l.used() + "." + lift;
    }

    @Override
    public LimitReached limit() {
        return limit;
    }
}
