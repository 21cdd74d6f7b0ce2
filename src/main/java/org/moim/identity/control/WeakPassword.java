package org.moim.identity.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A new password that does not meet the password policy. */
public class WeakPassword extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("weak-password", 400, "Password too weak");

    public WeakPassword(String field, String reason) {
        super(TYPE, "The password does not meet the policy: " + reason + ".", List.of(new FieldError(field, reason)));
    }
}
