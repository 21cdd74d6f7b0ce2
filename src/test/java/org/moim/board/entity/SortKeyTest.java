package org.moim.board.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortKeyTest {

    @Test
    void aKeyBetweenTwoKeysSortsBetweenThem() {
        assertBetween(null, null);
        assertBetween(null, "1");
        assertBetween("1", null);
        assertBetween("1", "2");
        assertBetween("a", "a1");
        assertBetween("az", "b");
        assertBetween("zzz", null);
        assertBetween(null, "01");
        assertBetween("0001", "0002");
        assertBetween("y", "yzzz");
    }

    @Test
    void appendingTakesTheShortestKeyAfterTheLast() {
        assertThat(SortKey.between(null, null)).isEqualTo("1");
        assertThat(SortKey.between("1", null)).isEqualTo("2");
        assertThat(SortKey.between("i5k", null)).isEqualTo("j");
        assertThat(SortKey.between("z", null)).isEqualTo("z1");
        String last = null;
        for (int i = 0; i < 2000; i++) {
            String next = SortKey.between(last, null);
            assertThat(last == null || next.compareTo(last) > 0).isTrue();
            last = next;
        }
        assertThat(last.length()).as("2,000 appends: " + last).isLessThanOrEqualTo(60);
    }

    @Test
    void insertingAgainAndAgainAtTheSameSpotGrowsKeysSlowly() {
        String low = "1";
        String high = "2";
        for (int i = 0; i < 50; i++) {
            high = SortKey.between(low, high); // always right after "1"
        }
        assertThat(high.length()).isLessThanOrEqualTo(12);
        assertThat(high).isGreaterThan(low).isLessThan("2");
    }

    @Test
    void randomInsertsKeepAStrictOrderWithoutRenumbering() {
        Random random = new Random(42);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int at = random.nextInt(keys.size() + 1);
            String low = at == 0 ? null : keys.get(at - 1);
            String high = at == keys.size() ? null : keys.get(at);
            String key = SortKey.between(low, high);
            keys.add(at, key);
        }
        for (int i = 1; i < keys.size(); i++) {
            assertThat(keys.get(i - 1)).isLessThan(keys.get(i));
            assertThat(keys.get(i)).doesNotEndWith("0");
        }
    }

    @Test
    void spreadKeysAreShortIncreasingAndLeaveRoomEverywhere() {
        for (int count : new int[] {1, 2, 35, 36, 100, 2000, 10000}) {
            List<String> keys = SortKey.spread(count);
            assertThat(keys).hasSize(count);
            for (int i = 0; i < count; i++) {
                SortKey.check(keys.get(i));
                if (i > 0) {
                    assertThat(keys.get(i - 1)).isLessThan(keys.get(i));
                    assertBetween(keys.get(i - 1), keys.get(i));
                }
            }
            assertThat(keys.get(count - 1).length()).isLessThanOrEqualTo(4);
            assertThat(keys.get(count - 1)).isLessThan("j");
        }
    }

    @Test
    void invalidKeysAreRefused() {
        assertThatThrownBy(() -> SortKey.check("a0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortKey.check("A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortKey.check("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortKey.between("b", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortKey.between("a", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBetween(String low, String high) {
        String key = SortKey.between(low, high);
        SortKey.check(key);
        if (low != null) {
            assertThat(key).as("after %s", low).isGreaterThan(low);
        }
        if (high != null) {
            assertThat(key).as("before %s", high).isLessThan(high);
        }
    }
}
