package org.moim.notification.entity;

import java.time.ZoneId;
import org.moim.identity.entity.Account.Language;

/** Who reads notifications, as far as their words are concerned: the language and time zone of their profile. */
public record NotificationReader(String accountId, Language language, ZoneId zone) {

    public String title(Notification notification, String actorName) {
        return notification.title(language, zone, actorName);
    }
}
