package org.moim.identity.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A new verification link for an address that is verified already. */
public class EmailVerifiedAlready extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("email-verified-already", 409, "Email address verified already");

    public EmailVerifiedAlready() {
        super(TYPE, "Your email address is verified already.");
    }
}
