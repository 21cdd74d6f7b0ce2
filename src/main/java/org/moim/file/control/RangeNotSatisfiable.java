package org.moim.file.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A Range that starts at or past the end of the content; {@code Content-Range} names the size. */
public class RangeNotSatisfiable extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("range-not-satisfiable", 416, "Range not satisfiable");

    public RangeNotSatisfiable(long size) {
        super(TYPE, "The requested range starts past the end of the content (" + size + " bytes).");
        header("Content-Range", "bytes */" + size);
    }
}
