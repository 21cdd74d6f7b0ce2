package org.moim.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class CursorTest {

    @Test
    void aCursorReadsBackAsWritten() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-26T10:00:00.123456Z"), "6f0c0a53-3a51-4c4b-9b43-1f1b3c0c2a10");

        assertThat(cursor.encode()).doesNotContain("|", "+", "/", "=");
        assertThat(Cursor.decode("cursor", cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(Cursor.decode("cursor", null)).isNull();
        assertThat(Cursor.decode("cursor", "")).isNull();
    }

    @Test
    void aMadeUpCursorIsAnInvalidField() {
        for (String bad : new String[] {"nonsense!", "bm8tYmFy", "MjAyNi0xMS0yNnx4"}) {
            assertThatThrownBy(() -> Cursor.decode("cursor", bad)).as(bad).isInstanceOf(InvalidField.class)
                    .satisfies(e -> assertThat(((InvalidField) e).errors().get(0).field()).isEqualTo("cursor"));
        }
    }

    @Test
    void aNameCursorReadsBackAsWrittenWhateverTheNameHolds() {
        for (String name : new String[] {"Kim Minji", "a|b|c", "@home", "김민지 🙂", ""}) {
            Cursor.Named cursor = new Cursor.Named(name, "6f0c0a53-3a51-4c4b-9b43-1f1b3c0c2a10");
            assertThat(Cursor.Named.decode("cursor", cursor.encode())).as(name).isEqualTo(cursor);
        }
    }

    @Test
    void aTimeCursorIsNoNameCursorAndTheOtherWayRound() {
        String byTime = new Cursor(Instant.parse("2026-11-26T10:00:00Z"), "6f0c0a53").encode();
        String byName = new Cursor.Named("Kim", "6f0c0a53").encode();

        assertThatThrownBy(() -> Cursor.Named.decode("cursor", byTime)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> Cursor.decode("cursor", byName)).isInstanceOf(InvalidField.class);
        assertThat(Cursor.Named.decode("cursor", null)).isNull();
    }
}
