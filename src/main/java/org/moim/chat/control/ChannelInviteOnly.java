package org.moim.chat.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * Joining a channel that takes members by invitation only. Says nothing about the channel (not
 * its name, nor whether the id is a private channel or none at all of this workspace's).
 */
public class ChannelInviteOnly extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("channel-invite-only", 403, "Channel by invitation only");

    public ChannelInviteOnly() {
        super(TYPE, "This channel cannot be joined: its members invite others.");
    }
}
