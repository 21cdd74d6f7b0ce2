package org.moim.chat.entity;

/**
 * Someone ({@code accountId}), or everyone when it is null, can no longer read what lives under
 * a real-time topic prefix (a workspace, a board). Fired inside the transaction that took the
 * access away.
 */
public record AccessLost(String accountId, String topicPrefix) {
}
