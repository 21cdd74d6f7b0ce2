package org.moim.call.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.call.entity.CallChannel;

/**
 * How many people may be in one call: the one place a plan's limit plugs in. Every participant
 * sends to and receives from every other (a full mesh), so upload grows with each one and
 * {@code moim.calls.max-participants} (4) is what ordinary connections carry. Billing's
 * {@code CALL_PARTICIPANTS} of the channel's workspace goes here
 * ({@code PlanLimits.requireRoom(workspaceId, CALL_PARTICIPANTS, participantsNow, 1)}), best
 * below the mesh's ceiling: a larger plan needs an SFU (docs/calls.md).
 */
@ApplicationScoped
public class CallLimits {

    @Inject
    @ConfigProperty(name = "moim.calls.max-participants", defaultValue = "4")
    int maxParticipants;

    /** The most people in one call of this channel (told to the browsers in {@code call-joined}). */
    public int maxParticipants(CallChannel channel) {
        return Math.max(2, maxParticipants);
    }

    /** Room for one more next to {@code participantsNow}; {@link CallFull} otherwise. */
    public void requireRoom(CallChannel channel, int participantsNow) {
        int max = maxParticipants(channel);
        if (participantsNow + 1 > max) {
            throw new CallFull(max);
        }
    }
}
