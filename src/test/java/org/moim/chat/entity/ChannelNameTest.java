package org.moim.chat.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class ChannelNameTest {

    @Test
    void namesDifferingOnlyByCaseWidthOrNormalizationHaveTheSameKey() {
        assertThat(ChannelName.of("Design").key()).isEqualTo(ChannelName.of("dESIGN").key());
        assertThat(ChannelName.of("#design ").value()).isEqualTo("design");
        assertThat(ChannelName.of(Normalizer.normalize("회의실", Normalizer.Form.NFD)).key())
                .isEqualTo(ChannelName.of("회의실").key());
        assertThat(ChannelName.of(Normalizer.normalize("회의실", Normalizer.Form.NFD)).value()).isEqualTo("회의실");
        assertThat(ChannelName.of("ｄｅｓｉｇｎ").key()).as("full-width letters").isEqualTo(ChannelName.of("design").key());
        assertThat(ChannelName.of("café").key()).isNotEqualTo(ChannelName.of("cafe").key());
    }

    @Test
    void emptyLongAndControlCharacterNamesAreRefused() {
        assertThat(ChannelName.problem(null)).isPresent();
        assertThat(ChannelName.problem(" # ")).contains("must not be empty");
        assertThat(ChannelName.problem("가".repeat(80))).isEmpty();
        assertThat(ChannelName.problem("가".repeat(81))).isPresent();
        assertThat(ChannelName.problem("a\u0000b")).isPresent();
        assertThat(ChannelName.problem("a\u2028b")).isPresent();
        assertThat(ChannelName.problem("😀 team")).isEmpty();
    }
}
