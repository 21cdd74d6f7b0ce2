package org.moim.audit.entity;

/** What happened. Stored by name: add new ones at will, never rename. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_REFUSED,
    SIGN_OUT,
    REFRESH_TOKEN_REUSED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    ACCOUNT_DEACTIVATED,
    ACCOUNT_REACTIVATED,
    ADMIN_GRANTED,
    ADMIN_REVOKED,
    JOB_RETRIED,
    WEBHOOK_DELIVERY_RETRIED
}
