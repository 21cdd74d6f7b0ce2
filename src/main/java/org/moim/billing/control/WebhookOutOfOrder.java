package org.moim.billing.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * A webhook that came before the one it follows (a refund of a payment not yet paid). Not
 * recorded, answered 409, so the provider delivers it again later, after the earlier event.
 */
public class WebhookOutOfOrder extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("webhook-out-of-order", 409, "Webhook early");

    public WebhookOutOfOrder(String detail) {
        super(TYPE, detail);
    }
}
