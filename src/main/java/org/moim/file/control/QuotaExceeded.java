package org.moim.file.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The file does not fit in what is left of the workspace's storage quota. */
public class QuotaExceeded extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("storage-quota-exceeded", 413, "Storage quota exceeded");

    public QuotaExceeded(long quota, long used) {
        super(TYPE, "The workspace would use more than its storage quota of " + quota + " bytes ("
                + used + " bytes used, " + Math.max(0, quota - used) + " left). Delete files or ask for a larger quota.");
    }
}
