package org.moim.chat.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** Posting to, joining or changing an archived channel: it is read-only until unarchived. */
public class ChannelArchived extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("channel-archived", 409, "Channel archived");

    public ChannelArchived() {
        super(TYPE, "This channel is archived: it can be read, not changed or joined, until someone unarchives it.");
    }
}
