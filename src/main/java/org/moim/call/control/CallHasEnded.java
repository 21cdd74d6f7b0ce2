package org.moim.call.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Joining, accepting or declining a call that is over (said only to those who may see its channel). */
public class CallHasEnded extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("call-ended", 410, "The call has ended");

    public CallHasEnded() {
        super(TYPE, "This call has ended; start a new one.");
    }
}
