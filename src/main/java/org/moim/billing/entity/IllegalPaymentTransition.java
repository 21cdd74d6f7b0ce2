package org.moim.billing.entity;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A payment asked to move where its state machine does not go (e.g. refunding a failed one). */
public class IllegalPaymentTransition extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("payment-state", 409, "Not possible in this payment state");

    private final PaymentStatus from;
    private final PaymentStatus to;

    public IllegalPaymentTransition(PaymentStatus from, PaymentStatus to) {
        super(TYPE, "A " + from + " payment cannot become " + to + ".");
        this.from = from;
        this.to = to;
    }

    public PaymentStatus from() {
        return from;
    }

    public PaymentStatus to() {
        return to;
    }
}
