package org.moim.identity.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Registration with an email that already has an account. */
public class EmailTaken extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("email-taken", 409, "Email already registered");

    public EmailTaken() {
        super(TYPE, "An account with this email address already exists. Sign in instead.",
                List.of(new FieldError("email", "is already registered")));
    }
}
