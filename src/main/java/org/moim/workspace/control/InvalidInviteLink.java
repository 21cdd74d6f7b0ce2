package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A token that is not an invite link this server made (malformed or tampered). */
public class InvalidInviteLink extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invalid-invite-link", 400, "Invalid invite link");

    public InvalidInviteLink() {
        super(TYPE, "This is not a valid invite link.");
    }
}
