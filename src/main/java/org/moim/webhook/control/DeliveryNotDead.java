package org.moim.webhook.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Only a dead delivery can be retried by hand; the others are on their way or done. */
public class DeliveryNotDead extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("delivery-not-dead", 409, "Delivery not dead");

    public DeliveryNotDead(String status) {
        super(TYPE, "Only a DEAD delivery can be retried; this one is " + status + ".");
    }
}
