package org.moim.file.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A file larger than one upload may be. */
public class FileTooLarge extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("file-too-large", 413, "File too large");

    public FileTooLarge(long maxBytes) {
        super(TYPE, "The file is larger than the limit of " + maxBytes + " bytes per file.");
    }
}
