package org.moim.notification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.moim.notification.entity.Notification;
import org.moim.notification.entity.NotificationCreated;
import org.moim.notification.entity.NotificationReader;
import org.moim.notification.entity.NotificationsRead;
import org.moim.platform.realtime.Deliveries;
import org.moim.platform.realtime.ServerFrame;

/**
 * Pushes the inbox to every open tab of its owner, on every node, once the change committed:
 * {@code notification} for a new one, {@code notification-read} when one or all were read
 * elsewhere (docs/realtime-protocol.md). Delivery is best effort; the inbox API is the record.
 */
@ApplicationScoped
public class NotificationPush {

    @Inject
    Deliveries deliveries;

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated event) {
        for (Notification notification : event.notifications()) {
            NotificationReader reader = event.readers().get(notification.recipientId());
            if (reader == null) {
                continue; // the account went in the same transaction
            }
            deliveries.toAccount(notification.recipientId(), ServerFrame.of("notification")
                    .add("notification", ServerFrame.representation(NotificationView.from(notification, event.actorName(), reader)))
                    .build());
        }
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsRead event) {
        var frame = ServerFrame.of("notification-read");
        if (event.notificationId() == null) {
            frame.add("all", true);
        } else {
            frame.add("id", event.notificationId());
        }
        deliveries.toAccount(event.accountId(), frame.build());
    }
}
