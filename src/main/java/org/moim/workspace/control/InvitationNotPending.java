package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Answering or revoking an invitation that was answered or revoked already. */
public class InvitationNotPending extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invitation-not-pending", 409, "Invitation already answered");

    public InvitationNotPending(String status) {
        super(TYPE, "The invitation is " + status + " already and cannot change any more.");
    }
}
