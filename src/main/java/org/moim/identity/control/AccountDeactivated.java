package org.moim.identity.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The right password for an account an administrator deactivated (said only after the password was right). */
public class AccountDeactivated extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("account-deactivated", 403, "Account deactivated");

    public AccountDeactivated() {
        super(TYPE, "This account has been deactivated by an administrator of this Moim.");
    }
}
