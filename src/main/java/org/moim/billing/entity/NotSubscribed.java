package org.moim.billing.entity;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Cancelling or resuming what is not there: FREE, already cancelled, or not cancelled. */
public class NotSubscribed extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("subscription-state", 409, "Not possible in this subscription state");

    public NotSubscribed(String detail) {
        super(TYPE, detail);
    }
}
