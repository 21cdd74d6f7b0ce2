package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An invite link used as many times as it allows. */
public class InviteLinkExhausted extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invite-link-exhausted", 410, "Invite link used up");

    public InviteLinkExhausted() {
        super(TYPE, "This invite link has been used as many times as it allows. Ask for a new one.");
    }
}
