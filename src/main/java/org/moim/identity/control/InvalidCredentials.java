package org.moim.identity.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Unknown email or wrong password: the same answer for both, so accounts cannot be probed. */
public class InvalidCredentials extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invalid-credentials", 401, "Invalid credentials");

    public InvalidCredentials() {
        super(TYPE, "The email address or password is incorrect.");
    }
}
