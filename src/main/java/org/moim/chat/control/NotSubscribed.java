package org.moim.chat.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A frame about a channel (typing, unsubscribe) on a connection not subscribed to it. */
public class NotSubscribed extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("not-subscribed", 409, "Not subscribed");

    public NotSubscribed(String channelId) {
        super(TYPE, "This connection is not subscribed to channel " + channelId + "; subscribe first.");
    }
}
