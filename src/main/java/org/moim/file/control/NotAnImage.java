package org.moim.file.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The client said "image" (its Content-Type or the name's extension), the bytes say otherwise. */
public class NotAnImage extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("not-an-image", 415, "Not an image");

    public NotAnImage(String sniffedType) {
        super(TYPE, "The file claims to be an image, but its content is " + sniffedType + ". Nothing was stored.");
    }
}
