package org.moim.notification.entity;

/**
 * The account read one notification ({@code notificationId}) or all of them (null); fired inside
 * the transaction, observed after commit to update the account's other tabs.
 */
public record NotificationsRead(String accountId, String notificationId) {
}
