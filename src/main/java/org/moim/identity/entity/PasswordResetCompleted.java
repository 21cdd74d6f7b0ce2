package org.moim.identity.entity;

/** A password was replaced through a reset link, in that request's transaction: its owner is told by mail. */
public record PasswordResetCompleted(String accountId) {
}
