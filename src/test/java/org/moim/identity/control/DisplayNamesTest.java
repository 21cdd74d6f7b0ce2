package org.moim.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class DisplayNamesTest {

    @Test
    void trimsAndKeepsEverythingElseVerbatim() {
        assertThat(DisplayNames.clean("displayName", "  Robert'); DROP TABLE account;-- ")).isEqualTo("Robert'); DROP TABLE account;--");
        assertThat(DisplayNames.clean("displayName", "김지우 <b>")).isEqualTo("김지우 <b>");
        assertThat(DisplayNames.clean("displayName", "👩‍💻 Dev")).isEqualTo("👩‍💻 Dev");
    }

    @Test
    void refusesBlankTooLongAndControlCharacters() {
        assertThatThrownBy(() -> DisplayNames.clean("displayName", "   ")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> DisplayNames.clean("displayName", null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> DisplayNames.clean("displayName", "a".repeat(101))).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> DisplayNames.clean("displayName", "tab\there")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> DisplayNames.clean("displayName", "rtl\u202Eoverride")).isInstanceOf(InvalidField.class);
        assertThat(DisplayNames.clean("displayName", "🙂".repeat(100))).hasSize(200);
    }
}
