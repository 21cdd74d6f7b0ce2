package org.moim.billing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void minorUnitsFollowTheCurrency() {
        assertThat(new Money(49000, "KRW").display()).isEqualTo("49,000 KRW");
        assertThat(new Money(3900, "USD").display()).isEqualTo("39.00 USD");
        assertThat(new Money(5, "USD").display()).isEqualTo("0.05 USD");
        assertThat(new Money(490000, "KRW").display()).isEqualTo("490,000 KRW");
    }

    @Test
    void equalityIsAmountAndCurrency() {
        assertThat(Money.of(3900, "usd")).isEqualTo(new Money(3900, "USD"));
        assertThat(new Money(3900, "USD")).isNotEqualTo(new Money(3900, "KRW"));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Money(-1, "KRW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "won")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
