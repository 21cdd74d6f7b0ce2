package org.moim.billing.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A renewal charge is under way for the workspace; a checkout waits until it is decided. */
public class PaymentInProgress extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("payment-in-progress", 409, "A payment is in progress");

    public PaymentInProgress(String detail) {
        super(TYPE, detail);
    }
}
