package org.moim.keywordbot.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    private static boolean says(String text, String... keywords) {
        return new KeywordMatcher(text).matches(List.of(keywords), List.of());
    }

    @Test
    void keywordsAreWholeWordsWhateverTheCase() {
        assertThat(says("When do you OPEN?", "open")).isTrue();
        assertThat(says("It is opened", "open")).isFalse();
        assertThat(says("reopen it", "open")).isFalse();
        assertThat(says("(Agent), please", "agent")).isTrue();
    }

    @Test
    void aKeywordOfSeveralWordsMatchesThemInARow() {
        assertThat(says("what are your opening  hours?", "opening hours")).isTrue();
        assertThat(says("hours of opening", "opening hours")).isFalse();
    }

    @Test
    void koreanKeywordsMatchWithTheirParticles() {
        assertThat(says("사람이랑 얘기하고 싶어요", "사람")).isTrue();
        assertThat(says("상담원 연결해 주세요", "상담원")).isTrue();
        assertThat(says("상담원을 불러 주세요", "상담원")).isTrue();
        assertThat(says("그 사람들", "사람")).isTrue();
        assertThat(says("외사람", "사람")).as("not inside a word").isFalse();
        assertThat(says("영업 시간이 궁금해요", "영업 시간")).isTrue();
    }

    @Test
    void phrasesAreContainedAnywhere() {
        assertThat(new KeywordMatcher("Can I get a REFUNDable ticket").matches(List.of(), List.of("refund"))).isTrue();
        assertThat(new KeywordMatcher("nothing here").matches(List.of(), List.of("refund"))).isFalse();
    }

    @Test
    void wordsAreLowerCaseRunsOfLettersAndDigits() {
        assertThat(KeywordMatcher.words("  Talk to a Person!! 사람이요 ")).containsExactly("talk", "to", "a", "person", "사람이요");
        assertThat(KeywordMatcher.words("...")).isEmpty();
    }
}
