package org.moim.identity.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The current password given to confirm a change is not the account's password. */
public class WrongPassword extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("wrong-password", 400, "Current password is wrong");

    public WrongPassword() {
        super(TYPE, "The current password is not correct.", List.of(new FieldError("currentPassword", "is not correct")));
    }
}
