package org.moim.call.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moim.billing.control.LimitReached;
import org.moim.billing.control.PlanLimitReached;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.control.PlanTerms;
import org.moim.billing.entity.Limit;
import org.moim.call.entity.CallChannel;

class CallLimitsTest {

    private static final CallChannel CHANNEL = new CallChannel("channel-1", "direct", "workspace-1");

    /** Billing's policy with one plan in force: its CALL_PARTICIPANTS (null: unlimited). */
    private static PlanLimits plan(Long callParticipants) {
        Map<Limit, Long> limits = new EnumMap<>(Limit.class);
        limits.put(Limit.CALL_PARTICIPANTS, callParticipants);
        PlanTerms terms = new PlanTerms("PLAN", "Plan", 0, limits);
        return new PlanLimits() {
            @Override
            public PlanTerms planOf(String workspaceId) {
                return terms;
            }

            @Override
            public void requireRoom(String workspaceId, Limit limit, long used, long adding) {
                if (!terms.allows(limit, used + adding)) {
                    throw new PlanLimitReached(new LimitReached(limit.name(), used, terms.max(limit), "PLAN", "BIGGER"));
                }
            }
        };
    }

    private static CallLimits limits(int ceiling, Long plan) {
        CallLimits limits = new CallLimits();
        limits.maxParticipants = ceiling;
        limits.plans = plan(plan);
        return limits;
    }

    @Test
    void thePlanDecidesBelowTheCeilingAndItsRefusalIsThePlanLimit() {
        CallLimits limits = limits(8, 4L);
        assertThat(limits.maxParticipants(CHANNEL)).isEqualTo(4);
        limits.requireRoom(CHANNEL, 3);

        assertThatThrownBy(() -> limits.requireRoom(CHANNEL, 4))
                .isInstanceOf(PlanLimitReached.class)
                .satisfies(e -> assertThat(((PlanLimitReached) e).type().uri()).isEqualTo("/problems/plan-limit"))
                .satisfies(e -> assertThat(((PlanLimitReached) e).type().status()).isEqualTo(402));
    }

    @Test
    void aBiggerPlanAdmitsUpToTheCeilingAndNoPlanPassesIt() {
        for (Long plan : new Long[] {50L, null}) {
            CallLimits limits = limits(8, plan);
            assertThat(limits.maxParticipants(CHANNEL)).as("plan %s", plan).isEqualTo(8);
            limits.requireRoom(CHANNEL, 7);

            assertThatThrownBy(() -> limits.requireRoom(CHANNEL, 8))
                    .isInstanceOf(CallFull.class)
                    .hasMessageContaining("8 participants")
                    .satisfies(e -> assertThat(((CallFull) e).type().uri()).isEqualTo("/problems/call-full"))
                    .satisfies(e -> assertThat(((CallFull) e).type().status()).isEqualTo(409));
        }
    }

    @Test
    void theCeilingIsBillingsCapOnCallParticipants() {
        CallLimits limits = limits(6, 50L);
        assertThat(limits.limit()).isEqualTo(Limit.CALL_PARTICIPANTS);
        assertThat(limits.ceiling()).isEqualTo(6);
    }

    @Test
    void aCallIsForTwoAtLeastWhateverTheConfiguration() {
        CallLimits limits = limits(0, null);
        assertThat(limits.ceiling()).isEqualTo(2);
        assertThat(limits.maxParticipants(CHANNEL)).isEqualTo(2);
        limits.requireRoom(CHANNEL, 1);
    }
}
