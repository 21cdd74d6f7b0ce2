package org.moim.board.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    private static final String KIM = "0b6c3f5e-6d0e-4bb8-9c1e-2f1d1a7c9e21";
    private static final String LEE = "5f0c1b7e-9a53-4f7e-8d0a-3c2b1e4d5f60";

    @Test
    void mentionsAreNamesWithAccountIds() {
        String text = "Ask @[Kim Minji](" + KIM + ") and @[이준](" + LEE + "), then @[Kim again](" + KIM + ").";
        assertThat(Mentions.in(text)).containsExactly(KIM, LEE);
    }

    @Test
    void plainAtNamesEmailsAndBrokenSyntaxAreNoMentions() {
        assertThat(Mentions.in("mail kim@example.com or @kim, @[Kim](not-an-id), @[](" + KIM + "), @[Kim] (" + KIM + ")")).isEmpty();
        assertThat(Mentions.in(null)).isEmpty();
    }

    @Test
    void mentionsInCodeAreText() {
        String id = "5f0c1b7e-9a53-4f7e-8d0a-3c2b1e4d5f60";
        String other = "6f0c1b7e-9a53-4f7e-8d0a-3c2b1e4d5f61";
        String mention = "@[Lee Jun](" + id + ")";
        assertThat(Mentions.in("see `" + mention + "` there")).isEmpty();
        assertThat(Mentions.in("```\n" + mention + "\n```\nand @[Kim](" + other + ")")).containsExactly(other);
        assertThat(Mentions.in("~~~js\nx " + mention + "\n")).as("an unclosed fence runs to the end").isEmpty();
        assertThat(Mentions.in("before\n```\ncode\n```\n" + mention)).containsExactly(id);
    }

    @Test
    void anEditOnlyCountsTheNewMentions() {
        String before = "cc @[Kim](" + KIM + ")";
        String after = "cc @[Kim](" + KIM + ") @[Lee](" + LEE + ")";
        assertThat(Mentions.added(before, after)).containsExactly(LEE);
        assertThat(Mentions.added(after, before)).isEmpty();
    }

    @Test
    void excerptsShowMentionsByNameOnOneLine() {
        assertThat(CardNotices.excerpt("Hi @[Kim Minji](" + KIM + "),\n\nplease   look")).isEqualTo("Hi @Kim Minji, please look");
        assertThat(CardNotices.excerpt("가".repeat(400))).hasSize(300).endsWith("…");
        assertThat(CardNotices.excerpt("  ")).isNull();
    }
}
