package org.moim.call.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.control.LimitCeiling;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.entity.Limit;
import org.moim.call.entity.CallChannel;

/**
 * How many people may be in one call: the plan of the channel's workspace ({@code CALL_PARTICIPANTS},
 * asked of billing's {@link PlanLimits} like every other plan limit), never more than the full
 * mesh's ceiling {@code moim.calls.max-participants} (8). Every participant sends to and receives
 * from every other, so upload grows with each one; larger calls need an SFU (docs/calls.md).
 *
 * <p>The ceiling is also billing's {@link LimitCeiling} for {@code CALL_PARTICIPANTS}: every plan's
 * limit is lowered to it, so the plan page shows what a call really admits. Past the plan's limit
 * joining is {@code /problems/plan-limit} (402, naming the plan that lifts it); past the ceiling,
 * which no plan lifts, {@link CallFull} (409).
 */
@ApplicationScoped
public class CallLimits implements LimitCeiling {

    @Inject
    @ConfigProperty(name = "moim.calls.max-participants", defaultValue = "8")
    int maxParticipants;

    @Inject
    PlanLimits plans;

    @Override
    public Limit limit() {
        return Limit.CALL_PARTICIPANTS;
    }

    /** The full mesh's ceiling, whatever the plan: a call is for two at least. */
    @Override
    public long ceiling() {
        return Math.max(2, maxParticipants);
    }

    /** The most people in one call of this channel (told to the browsers in {@code call-joined}). */
    public int maxParticipants(CallChannel channel) {
        Long plan = plans.planOf(channel.workspaceId()).max(Limit.CALL_PARTICIPANTS);
        return (int) (plan == null ? ceiling() : Math.min(plan, ceiling()));
    }

    /**
     * Room for one more next to {@code participantsNow}: {@link CallFull} past the ceiling, the
     * plan's refusal ({@code PlanLimitReached}) past the plan's limit.
     */
    public void requireRoom(CallChannel channel, int participantsNow) {
        if (participantsNow + 1 > ceiling()) {
            throw new CallFull(ceiling());
        }
        plans.requireRoom(channel.workspaceId(), Limit.CALL_PARTICIPANTS, participantsNow, 1);
    }
}
