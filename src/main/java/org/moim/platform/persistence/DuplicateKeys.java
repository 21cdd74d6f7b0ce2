package org.moim.platform.persistence;

import java.sql.SQLException;

/**
 * A unique key the database refused: two requests created the same thing at once (the checks
 * before the insert could not see each other). Other constraint violations are bugs.
 */
public final class DuplicateKeys {

    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    private static final String SQL_UNIQUE_VIOLATION = "23505";

    private DuplicateKeys() {
    }

    /** Whether this exception, or anything it wraps, is a duplicate key. */
    public static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (is(cause)) {
                return true;
            }
        }
        return false;
    }

    public static boolean is(Throwable cause) {
        return cause instanceof SQLException sql
                && (SQL_UNIQUE_VIOLATION.equals(sql.getSQLState()) || sql.getErrorCode() == MYSQL_DUPLICATE_ENTRY);
    }
}
