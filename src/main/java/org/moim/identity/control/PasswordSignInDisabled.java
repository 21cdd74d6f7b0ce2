package org.moim.identity.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The instance signs people in only through its identity provider ({@code moim.auth.password.enabled=false}). */
public class PasswordSignInDisabled extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("password-sign-in-disabled", 403, "Password sign-in is switched off");

    public PasswordSignInDisabled() {
        super(TYPE, "This instance signs people in through its identity provider only; passwords are not used here.");
    }
}
