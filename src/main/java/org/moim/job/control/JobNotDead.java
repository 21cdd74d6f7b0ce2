package org.moim.job.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Only a dead job can be retried by hand; the others are on their way or done. */
public class JobNotDead extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("job-not-dead", 409, "Job not dead");

    public JobNotDead(String status) {
        super(TYPE, "Only a DEAD job can be retried; this one is " + status + ".");
    }
}
