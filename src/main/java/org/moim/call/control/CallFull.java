package org.moim.call.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Joining would put more people in the call than its plan allows. */
public class CallFull extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("call-full", 409, "The call is full");

    public CallFull(int max) {
        super(TYPE, "This call already has " + max + " participants, the most your plan allows in one call.");
    }
}
