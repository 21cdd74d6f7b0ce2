package org.moim.call.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * Joining would put more people in the call than a full mesh carries on this server
 * ({@code moim.calls.max-participants}), whatever the plan. (Below that, the plan's own limit
 * refuses with billing's {@code /problems/plan-limit}.)
 */
public class CallFull extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("call-full", 409, "The call is full");

    public CallFull(long max) {
        super(TYPE, "This call already has " + max + " participants, the most one call holds on this server "
                + "(every participant sends to every other). No plan allows more.");
    }
}
