package org.moim.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LockConflictsTest {

    @Test
    void lockTimeoutsAndDeadlocksOfEveryDatabaseAreConflicts() {
        assertThat(LockConflicts.is(new SQLException("Timeout trying to lock table", "HYT00", 50200))).as("H2").isTrue();
        assertThat(LockConflicts.is(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).as("MySQL").isTrue();
        assertThat(LockConflicts.is(new SQLException("Deadlock found", "40001", 1213))).as("MariaDB deadlock").isTrue();
        assertThat(LockConflicts.is(new PessimisticLockException())).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(LockConflicts.is(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
        assertThat(LockConflicts.is(new SQLException("Syntax error", "42000", 1064))).isFalse();
        assertThat(LockConflicts.is(new IllegalStateException())).isFalse();
    }
}
