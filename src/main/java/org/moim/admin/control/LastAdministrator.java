package org.moim.admin.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The change would leave the instance without an active system administrator. */
public class LastAdministrator extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("last-administrator", 409, "Last administrator");

    public LastAdministrator() {
        super(TYPE, "This is the last active system administrator; make someone else an administrator first.");
    }
}
