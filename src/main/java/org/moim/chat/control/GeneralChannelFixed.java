package org.moim.chat.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Leaving, archiving, or taking someone out of the general channel: everyone in the workspace is in it. */
public class GeneralChannelFixed extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("general-channel", 409, "The general channel");

    public GeneralChannelFixed(String detail) {
        super(TYPE, detail);
    }
}
