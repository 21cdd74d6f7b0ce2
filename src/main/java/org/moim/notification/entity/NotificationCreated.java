package org.moim.notification.entity;

import java.util.List;
import java.util.Map;

/**
 * Fired inside the transaction that stored notifications; observed after commit to push them to
 * their recipients' open tabs. {@code actorName} is the display name of who caused them, or null;
 * {@code readers} has each recipient's language and time zone, by account id.
 */
public record NotificationCreated(List<Notification> notifications, String actorName, Map<String, NotificationReader> readers) {
}
