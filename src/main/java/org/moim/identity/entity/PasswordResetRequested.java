package org.moim.identity.entity;

/**
 * Someone asked for a password reset of an existing account, in the request's transaction. The
 * mail (and its link, minted when sent) is the observer's business; {@code appUrl} is the app's
 * root the link starts with.
 */
public record PasswordResetRequested(String resetId, String accountId, String appUrl) {
}
