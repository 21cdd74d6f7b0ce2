package org.moim.workspace.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class WorkspaceTextsTest {

    @Test
    void namesAreTrimmedAndCountedInCharactersPeopleSee() {
        assertThat(WorkspaceTexts.name("name", "  디자인팀 🎨 ")).isEqualTo("디자인팀 🎨");
        assertThat(WorkspaceTexts.name("name", "🎨".repeat(80))).hasSize(160);
        assertThatThrownBy(() -> WorkspaceTexts.name("name", "🎨".repeat(81))).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> WorkspaceTexts.name("name", "   ")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> WorkspaceTexts.name("name", "a\u0000b")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> WorkspaceTexts.name("name", "a\u202Eb")).isInstanceOf(InvalidField.class);
    }

    @Test
    void descriptionsKeepLineBreaks() {
        assertThat(WorkspaceTexts.description("description", "line one\nline two\ttabbed")).isEqualTo("line one\nline two\ttabbed");
        assertThat(WorkspaceTexts.description("description", null)).isEmpty();
        assertThat(WorkspaceTexts.description("description", "가".repeat(2000))).hasSize(2000);
        assertThatThrownBy(() -> WorkspaceTexts.description("description", "가".repeat(2001))).isInstanceOf(InvalidField.class);
    }

    @Test
    void avatarsAreUrlSafeWordsOrEmoji() {
        assertThat(WorkspaceTexts.avatar("avatar", "rocket_2-b.c~")).isEqualTo("rocket_2-b.c~");
        assertThat(WorkspaceTexts.avatar("avatar", "👩‍💻")).isEqualTo("👩‍💻");
        assertThat(WorkspaceTexts.avatar("avatar", " ")).isNull();
        for (String bad : new String[] {"a b", "a/b", "<x>", "a?b", "x".repeat(65)}) {
            assertThatThrownBy(() -> WorkspaceTexts.avatar("avatar", bad)).as(bad).isInstanceOf(InvalidField.class);
        }
    }
}
