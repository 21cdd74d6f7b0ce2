package org.moim.platform.problem;

/** Signed in, and allowed to see the thing, but not to do this with it. */
public class Forbidden extends ProblemException {
    public Forbidden(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
