package org.moim.workspace.control;

import java.util.List;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An If-Match version that is no longer the current one. */
public class StaleVersion extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("stale-version", 409, "Stale version");

    public StaleVersion(long currentVersion) {
        this(currentVersion, null);
    }

    /** With the current representation (a response record), sent as the problem's {@code current} member. */
    public StaleVersion(long currentVersion, Object current) {
        super(TYPE, "This was changed since you read it: the current version is \"" + currentVersion
                + "\". Read it again and reapply your change.", List.of(), current);
    }
}
