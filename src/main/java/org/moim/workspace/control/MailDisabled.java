package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An invitation by email on a server that sends no mail: it would reach nobody. */
public class MailDisabled extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("mail-disabled", 409, "This server sends no mail");

    public MailDisabled() {
        super(TYPE, "This server sends no mail (moim.mail.enabled=false), so an invitation by email would reach nobody. "
                + "Share an invite link instead, or ask the administrator to set up mail.");
    }
}
