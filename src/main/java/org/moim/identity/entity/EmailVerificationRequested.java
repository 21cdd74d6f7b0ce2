package org.moim.identity.entity;

/**
 * A verification link is to be mailed to {@code email} (the account's address, or the one it asked
 * to move to), in the request's transaction. The mail (and its secret, minted when sent) is the
 * observer's business; {@code appUrl} is the app's root the link starts with.
 */
public record EmailVerificationRequested(String verificationId, String accountId, String appUrl) {
}
