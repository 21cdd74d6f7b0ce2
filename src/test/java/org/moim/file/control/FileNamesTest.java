package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class FileNamesTest {

    @Test
    void namesAreTrimmedAndNormalised() {
        assertThat(FileNames.check("name", "  report.pdf ")).isEqualTo("report.pdf");
        // macOS sends decomposed Hangul (NFD); stored composed (NFC).
        assertThat(FileNames.check("name", "\u1112\u116c\u110b\u1174\u1105\u1169\u11a8.txt")).isEqualTo("회의록.txt");
        assertThat(FileNames.check("name", "👩‍💻 notes.md")).isEqualTo("👩‍💻 notes.md");
        assertThat(FileNames.check("name", "..hidden")).isEqualTo("..hidden");
    }

    @Test
    void pathsControlsAndOverlongNamesAreRefused() {
        for (String bad : new String[] {"../etc/passwd", "a/b", "C:\\temp\\x", "..", ".", "", "   ", null,
            "line\nbreak", "tab\there", "nul\0", "bell\u0007", "\u202Egnp.exe", "zero\u200Bwidth", "x".repeat(256)}) {
            assertThatThrownBy(() -> FileNames.check("name", bad)).as(String.valueOf(bad)).isInstanceOf(InvalidField.class);
        }
        assertThat(FileNames.check("name", "가".repeat(255))).hasSize(255);
    }

    @Test
    void theExtensionIsTheLowerCasedLastPart() {
        assertThat(FileNames.extension("a.TAR.GZ")).isEqualTo("gz");
        assertThat(FileNames.extension("README")).isEmpty();
        assertThat(FileNames.extension("trailing.")).isEmpty();
    }
}
