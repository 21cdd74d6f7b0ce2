package org.moim.notification.entity;

import java.util.List;

/**
 * Fired inside the transaction that stored notifications; observed after commit to push them to
 * their recipients' open tabs. {@code actorName} is the display name of who caused them, or null.
 */
public record NotificationCreated(List<Notification> notifications, String actorName) {
}
