package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class FileQueryTest {

    @Test
    void eachSortHasItsNaturalDirection() {
        assertThat(FileQuery.of(null, null, null, null, null, null, 50, null).descending()).isTrue();
        assertThat(FileQuery.of(null, null, null, null, "name", null, 50, null).descending()).isFalse();
        assertThat(FileQuery.of(null, null, null, null, "SIZE", null, 50, null).descending()).isTrue();
        assertThat(FileQuery.of(null, null, null, null, "name", "desc", 50, null).descending()).isTrue();
    }

    @Test
    void badParametersAreInvalidFields() {
        assertThatThrownBy(() -> FileQuery.of(null, null, null, null, "colour", null, 50, null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> FileQuery.of(null, null, null, null, null, "up", 50, null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> FileQuery.of(null, null, null, null, null, null, 0, null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> FileQuery.of(null, "image", null, null, null, null, 50, null)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> FileQuery.of(null, null, null, "x".repeat(101), null, null, 50, null)).isInstanceOf(InvalidField.class);
        assertThat(FileQuery.of(null, "image/*", null, " ", null, null, 50, null).search()).isNull();
    }

    @Test
    void aCursorRoundTripsAndBelongsToItsSort() {
        FileCursor cursor = new FileCursor(FileQuery.Sort.NAME, false, "a|b name.txt", "0b6c7a1e-0000-4000-8000-000000000001");
        assertThat(FileCursor.decode(cursor.encode(), FileQuery.Sort.NAME, false)).isEqualTo(cursor);
        assertThatThrownBy(() -> FileCursor.decode(cursor.encode(), FileQuery.Sort.SIZE, false)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> FileCursor.decode(cursor.encode(), FileQuery.Sort.NAME, true)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> FileCursor.decode("not-a-cursor", FileQuery.Sort.NAME, false)).isInstanceOf(InvalidField.class);
        assertThat(FileCursor.decode(null, FileQuery.Sort.NAME, false)).isNull();
    }

    @Test
    void searchTermsAreLiteral() {
        assertThat(FileCatalog.likeEscaped("50%_off!")).isEqualTo("50!%!_off!!");
    }
}
