package org.moim.platform.problem;

/**
 * Nothing the caller may see exists under that id. Also the answer for things that exist but
 * belong to someone else, so ids never reveal what is there.
 */
public class NotFound extends ProblemException {
    public NotFound(String what) {
        super(ProblemType.NOT_FOUND, what + " was not found.");
    }
}
