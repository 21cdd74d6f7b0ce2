package org.moim.billing.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A webhook that is forged (bad or missing signature), stale (timestamp out of tolerance) or unreadable. */
public class WebhookRejected extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("webhook-rejected", 400, "Webhook rejected");

    public WebhookRejected(String detail) {
        super(TYPE, detail);
    }
}
