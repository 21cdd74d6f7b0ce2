package org.moim.billing.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A refund asked for later than {@code moim.billing.refund-window} after the payment, or of a payment that does not run the plan now. */
public class RefundWindowOver extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("refund-not-possible", 409, "Refund not possible");

    public RefundWindowOver(String detail) {
        super(TYPE, detail);
    }
}
