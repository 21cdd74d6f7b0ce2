package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An invitation for someone who is a member already. */
public class AlreadyMember extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("already-member", 409, "Already a member");

    public AlreadyMember() {
        super(TYPE, "This person is a member of the workspace already.");
    }
}
