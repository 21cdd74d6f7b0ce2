package org.moim.chat.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Inviting someone to a channel who is not a member of its workspace (invite them to the workspace first). */
public class NotInWorkspace extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("invitee-not-in-workspace", 422, "Not a member of the workspace");

    public NotInWorkspace() {
        super(TYPE, "Only members of the workspace can be added to its channels.",
                List.of(new FieldError("accountIds", "must all be members of the workspace")));
    }
}
