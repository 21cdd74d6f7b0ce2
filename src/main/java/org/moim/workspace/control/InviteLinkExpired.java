package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An invite link past its expiry. */
public class InviteLinkExpired extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invite-link-expired", 410, "Invite link expired");

    public InviteLinkExpired() {
        super(TYPE, "This invite link has expired. Ask for a new one.");
    }
}
