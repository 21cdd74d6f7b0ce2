package org.moim.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GramsTest {

    @Test
    void aTextHasItsTrigramsAndItsLastShortGramsLowerCasedWithSpacesMarked() {
        assertThat(Grams.of("Ab c")).containsExactly("ab" + Grams.SPACE, "b" + Grams.SPACE + "c", Grams.SPACE + "c", "c");
        assertThat(Grams.of("회의록")).containsExactly("회의록", "의록", "록");
        assertThat(Grams.of((String) null)).isEmpty();
    }

    @Test
    void everyPartOfATextOfTwoOrMoreCharactersFindsItsGrams() {
        String text = "분기 회의록을 정리 launch";
        var grams = Grams.of(text);
        for (int from = 0; from < text.length(); from++) {
            for (int to = from + 2; to <= text.length(); to++) {
                String part = text.substring(from, to);
                if (Grams.isPrefix(part)) {
                    String prefix = Grams.ofQuery(part).get(0);
                    assertThat(grams).as(part).anyMatch(g -> g.startsWith(prefix));
                } else {
                    assertThat(grams).as(part).containsAll(Grams.ofQuery(part));
                }
            }
        }
    }

    @Test
    void emojiCountAsOneCharacter() {
        assertThat(Grams.of("a😀b")).contains("a😀b");
        assertThat(Grams.ofQuery("😀b")).containsExactly("😀b");
        assertThat(Grams.isPrefix("😀b")).isTrue();
    }

    @Test
    void anExcerptShowsTheMatchWithItsSurroundings() {
        assertThat(Snippets.around("Hello World", "WORLD")).isEqualTo("Hello World");
        assertThat(Snippets.around("x".repeat(100) + "needle" + "y".repeat(100), "needle"))
                .isEqualTo("…" + "x".repeat(60) + "needle" + "y".repeat(60) + "…");
        assertThat(Snippets.around("nothing", "needle")).isNull();
    }
}
