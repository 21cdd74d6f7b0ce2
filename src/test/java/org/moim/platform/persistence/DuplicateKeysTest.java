package org.moim.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {

    @Test
    void duplicateKeysFromH2AndMySqlAreConflicts() {
        assertThat(DuplicateKeys.is(new SQLException("Unique index violation", "23505", 23505))).isTrue();
        assertThat(DuplicateKeys.is(
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'uk'", "23000", 1062))).isTrue();
    }

    @Test
    void otherConstraintViolationsStayServerFaults() {
        assertThat(DuplicateKeys.is(
                new SQLIntegrityConstraintViolationException("Column 'name' cannot be null", "23000", 1048))).isFalse();
        assertThat(DuplicateKeys.is(new SQLException("NULL not allowed", "23502", 23502))).isFalse();
        assertThat(DuplicateKeys.is(new IllegalStateException())).isFalse();
    }

    @Test
    void aWrappedDuplicateKeyIsFound() {
        var wrapped = new IllegalStateException(new RuntimeException(new SQLException("dup", "23505", 23505)));
        assertThat(DuplicateKeys.in(wrapped)).isTrue();
        assertThat(DuplicateKeys.in(new IllegalStateException(new RuntimeException()))).isFalse();
    }
}
