package org.moim.platform.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/**
 * A row lock the database gave up waiting for, or a deadlock it broke by rolling one side back:
 * two requests changed the same thing at the same time, and this one may simply try again.
 */
public final class LockConflicts {

    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final String SQL_SERIALIZATION_FAILURE = "40001";

    private LockConflicts() {
    }

    public static boolean is(Throwable cause) {
        if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
            return true;
        }
        return cause instanceof SQLException sql
                && (SQL_SERIALIZATION_FAILURE.equals(sql.getSQLState()) || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT
                || sql.getErrorCode() == MYSQL_DEADLOCK || sql.getErrorCode() == H2_LOCK_TIMEOUT);
    }

    /** Anywhere in the chain, an optimistic lock failure: someone else changed the row since it was read (JPA's or EclipseLink's own). */
    public static boolean versionConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
