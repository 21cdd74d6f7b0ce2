package org.moim.billing.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The payment provider did not answer, or answered with an error: try again (the same payment is reused). */
public class ProviderUnavailable extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("payment-provider-unavailable", 502, "Payment provider unavailable");

    public ProviderUnavailable(String detail) {
        super(TYPE, detail);
    }
}
