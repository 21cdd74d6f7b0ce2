package org.moim.billing.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxCardsTest {

    @Test
    void theTestCardsAreRecognisedWithOrWithoutSpaces() {
        assertThat(SandboxCards.of("4242 4242 4242 4242")).isEqualTo(SandboxCards.SUCCEEDS);
        assertThat(SandboxCards.of("4242-4242-4242-4242")).isEqualTo(SandboxCards.SUCCEEDS);
        assertThat(SandboxCards.of("4000000000000002")).isEqualTo(SandboxCards.DECLINED);
        assertThat(SandboxCards.of("4000 0025 0000 3155")).isEqualTo(SandboxCards.REQUIRES_ACTION);
        assertThat(SandboxCards.of("4000 0000 0000 0341")).isEqualTo(SandboxCards.RENEWALS_FAIL);
        assertThat(SandboxCards.of("5555 5555 5555 4444")).isEqualTo(SandboxCards.UNKNOWN);
        assertThat(SandboxCards.of(null)).isEqualTo(SandboxCards.UNKNOWN);
        assertThat(SandboxCards.last4("4242 4242 4242 4242")).isEqualTo("4242");
    }

    @Test
    void aSavedCardsRenewalsFollowItsNumber() {
        assertThat(SandboxCards.renewalsSucceed("pm_sbx_4242_abc")).isTrue();
        assertThat(SandboxCards.renewalsSucceed("pm_sbx_3155_abc")).isTrue();
        assertThat(SandboxCards.renewalsSucceed("pm_sbx_0341_abc")).isFalse();
        assertThat(SandboxCards.renewalsSucceed("pm_other")).isFalse();
        assertThat(SandboxCards.renewalsSucceed(null)).isFalse();
    }
}
