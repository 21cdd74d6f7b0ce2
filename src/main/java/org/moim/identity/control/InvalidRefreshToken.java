package org.moim.identity.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A refresh token that is unknown, expired, revoked or already used. */
public class InvalidRefreshToken extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invalid-refresh-token", 401, "Invalid refresh token");

    public InvalidRefreshToken() {
        super(TYPE, "The refresh token is not valid. Sign in again.");
    }
}
