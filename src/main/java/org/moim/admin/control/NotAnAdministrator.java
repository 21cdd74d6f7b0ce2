package org.moim.admin.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Signed in, but not a system administrator of this Moim. */
public class NotAnAdministrator extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("not-an-administrator", 403, "Not an administrator");

    public NotAnAdministrator() {
        super(TYPE, "Only system administrators of this Moim may do this.");
    }
}
