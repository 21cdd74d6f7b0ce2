package org.moim.workspace.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A change that would leave a workspace without an owner. */
public class LastOwner extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("last-owner", 409, "Last owner");

    public LastOwner() {
        super(TYPE, "A workspace needs at least one owner: make someone else an owner first (transfer ownership), or delete the workspace.");
    }
}
