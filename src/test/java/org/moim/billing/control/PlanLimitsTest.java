package org.moim.billing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moim.billing.entity.Limit;

class PlanLimitsTest {

    private static PlanTerms plan(String code, int rank, Long members, Long boards) {
        Map<Limit, Long> limits = new EnumMap<>(Limit.class);
        limits.put(Limit.MEMBERS, members);
        limits.put(Limit.BOARDS, boards);
        return new PlanTerms(code, code, rank, limits);
    }

    private static final PlanTerms FREE = plan("FREE", 0, 10L, 3L);
    private static final PlanTerms TEAM = plan("TEAM", 1, 50L, 20L);
    private static final PlanTerms PREMIUM = plan("PREMIUM", 2, 500L, null);
    private static final List<PlanTerms> ALL = List.of(FREE, TEAM, PREMIUM);

    @Test
    void theCheapestPlanThatAllowsWhatIsNeededLiftsTheLimit() {
        assertThat(PlanLimits.liftedBy(ALL, FREE, Limit.MEMBERS, 11L)).isEqualTo("TEAM");
        assertThat(PlanLimits.liftedBy(ALL, FREE, Limit.MEMBERS, 51L)).isEqualTo("PREMIUM");
        assertThat(PlanLimits.liftedBy(ALL, FREE, Limit.BOARDS, 1000L)).as("unlimited").isEqualTo("PREMIUM");
        assertThat(PlanLimits.liftedBy(ALL, TEAM, Limit.MEMBERS, 51L)).isEqualTo("PREMIUM");
    }

    @Test
    void nothingLiftsWhatNoPlanAllowsNorWhatIsUnlimitedAlready() {
        assertThat(PlanLimits.liftedBy(ALL, FREE, Limit.MEMBERS, 501L)).isNull();
        assertThat(PlanLimits.liftedBy(ALL, PREMIUM, Limit.MEMBERS, 501L)).isNull();
        assertThat(PlanLimits.liftedBy(ALL, PREMIUM, Limit.BOARDS, 5L)).isNull();
    }

    @Test
    void withoutACountTheNextPlanWithAHigherLimitIsNamed() {
        assertThat(PlanLimits.liftedBy(ALL, FREE, Limit.MEMBERS, null)).isEqualTo("TEAM");
    }

    @Test
    void aNullMaximumMeansUnlimited() {
        assertThat(PREMIUM.allows(Limit.BOARDS, Long.MAX_VALUE)).isTrue();
        assertThat(FREE.allows(Limit.BOARDS, 3)).isTrue();
        assertThat(FREE.allows(Limit.BOARDS, 4)).isFalse();
    }

    @Test
    void aServerCeilingLowersEveryPlanUnlimitedOnesTooAndLeavesSmallerOnes() {
        assertThat(PlanCatalog.capped(50L, 8L)).isEqualTo(8L);
        assertThat(PlanCatalog.capped(null, 8L)).as("unlimited").isEqualTo(8L);
        assertThat(PlanCatalog.capped(4L, 8L)).isEqualTo(4L);
        assertThat(PlanCatalog.capped(50L, null)).as("no ceiling").isEqualTo(50L);
        assertThat(PlanCatalog.capped(null, null)).isNull();
    }
}
