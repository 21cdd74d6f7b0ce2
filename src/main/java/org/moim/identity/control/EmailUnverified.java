package org.moim.identity.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Something only a verified address may do (accept an invitation sent to it). */
public class EmailUnverified extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("email-unverified", 403, "Email address not verified");

    public EmailUnverified() {
        super(TYPE, "Verify your email address first: open the link Moim mailed you, or ask for a new one.");
    }
}
