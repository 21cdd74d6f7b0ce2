package org.moim.webhook.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A workspace has as many webhooks as it may. */
public class TooManyWebhooks extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("too-many-webhooks", 409, "Too many webhooks");

    public TooManyWebhooks(long max) {
        super(TYPE, "A workspace can have at most " + max + " webhooks: delete one first.");
    }
}
