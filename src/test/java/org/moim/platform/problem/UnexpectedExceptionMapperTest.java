package org.moim.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    @Test
    void duplicateKeysFromH2AndMySqlAreConflicts() {
        assertThat(UnexpectedExceptionMapper.isDuplicateKey(new SQLException("Unique index violation", "23505", 23505))).isTrue();
        assertThat(UnexpectedExceptionMapper.isDuplicateKey(
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'uk'", "23000", 1062))).isTrue();
    }

    @Test
    void otherConstraintViolationsStayServerFaults() {
        assertThat(UnexpectedExceptionMapper.isDuplicateKey(
                new SQLIntegrityConstraintViolationException("Column 'name' cannot be null", "23000", 1048))).isFalse();
        assertThat(UnexpectedExceptionMapper.isDuplicateKey(new SQLException("NULL not allowed", "23502", 23502))).isFalse();
        assertThat(UnexpectedExceptionMapper.isDuplicateKey(new IllegalStateException())).isFalse();
    }
}
