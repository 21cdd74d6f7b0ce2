package org.moim.billing.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A checkout for the plan and period the workspace already has. */
public class AlreadySubscribed extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("already-subscribed", 409, "Already on this plan");

    public AlreadySubscribed(String detail) {
        super(TYPE, detail);
    }
}
