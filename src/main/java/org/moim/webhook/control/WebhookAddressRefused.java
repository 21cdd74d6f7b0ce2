package org.moim.webhook.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A webhook URL that Moim will not call (server-side request forgery guard). */
public class WebhookAddressRefused extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("webhook-address-refused", 400, "Webhook address refused");

    public WebhookAddressRefused(String reason) {
        super(TYPE, "Moim does not call this address: " + reason + ".", List.of(new FieldError("url", reason)));
    }
}
