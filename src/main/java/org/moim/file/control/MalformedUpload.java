package org.moim.file.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An upload request of the wrong shape: no file part, two files, a broken multipart body. */
public class MalformedUpload extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("malformed-upload", 400, "Malformed upload");

    public MalformedUpload(String detail) {
        super(TYPE, detail + " Nothing was stored.");
    }
}
