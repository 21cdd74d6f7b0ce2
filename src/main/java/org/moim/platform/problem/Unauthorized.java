package org.moim.platform.problem;

/** The request carries no valid credentials. */
public class Unauthorized extends ProblemException {
    public Unauthorized(String detail) {
        super(ProblemType.UNAUTHORIZED, detail);
    }
}
