package org.moim.board.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class BoardTextsTest {

    @Test
    void namesAreTrimmedAndCountedInCharacters() {
        assertThat(BoardTexts.name("name", "  출시 🚀 ", 100)).isEqualTo("출시 🚀");
        assertThat(BoardTexts.name("name", "🎨".repeat(100), 100)).hasSize(200);
        assertField(() -> BoardTexts.name("name", "🎨".repeat(101), 100), "name");
        assertField(() -> BoardTexts.name("title", "  ", 100), "title");
        assertField(() -> BoardTexts.name("name", "a\u0000b", 100), "name");
        assertField(() -> BoardTexts.name("name", "line\nbreak", 100), "name");
    }

    @Test
    void markdownKeepsItsLinesAndMayBeEmptyUnlessRequired() {
        assertThat(BoardTexts.text("description", "# Title\n\n- [ ] item\t", 100, false)).isEqualTo("# Title\n\n- [ ] item");
        assertThat(BoardTexts.text("description", null, 100, false)).isEmpty();
        assertField(() -> BoardTexts.text("body", " ", 100, true), "body");
        assertField(() -> BoardTexts.text("body", "x".repeat(101), 100, true), "body");
    }

    @Test
    void coloursDatesAndInstantsHaveOneFormEachAndBlankMeansNone() {
        assertThat(BoardTexts.colour("colour", "#3366FF")).isEqualTo("#3366ff");
        assertThat(BoardTexts.colour("colour", "")).isNull();
        assertField(() -> BoardTexts.colour("colour", "red"), "colour");
        assertThat(BoardTexts.date("deadline", "2026-06-30")).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(BoardTexts.date("deadline", " ")).isNull();
        assertField(() -> BoardTexts.date("deadline", "30.06.2026"), "deadline");
        assertField(() -> BoardTexts.date("deadline", "0001-01-01"), "deadline");
        assertThat(BoardTexts.instant("dueAt", "2026-03-10T17:00:00Z")).isEqualTo(Instant.parse("2026-03-10T17:00:00Z"));
        assertThat(BoardTexts.instant("dueAt", "2026-03-10T18:00:00+09:00")).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(BoardTexts.instant("dueAt", "2026-03-10T17:00:00.123456789Z")).isEqualTo(Instant.parse("2026-03-10T17:00:00.123456Z"));
        assertField(() -> BoardTexts.instant("dueAt", "tomorrow"), "dueAt");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidField.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo(field)));
    }
}
