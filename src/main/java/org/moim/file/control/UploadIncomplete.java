package org.moim.file.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The body ended (or the connection broke) before the whole file arrived. Nothing is kept. */
public class UploadIncomplete extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("upload-incomplete", 400, "Upload incomplete");

    public UploadIncomplete(String detail) {
        super(TYPE, detail + " Nothing was stored.");
    }
}
