package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An invite link that the workspace revoked. */
public class InviteLinkRevoked extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invite-link-revoked", 410, "Invite link revoked");

    public InviteLinkRevoked() {
        super(TYPE, "This invite link was revoked. Ask for a new one.");
    }
}
