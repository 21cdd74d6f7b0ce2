package org.moim.notification.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.notification.entity.MailMode;

@Schema(name = "NotificationMailSetting", description = "How my unseen mentions, direct messages and assignments are mailed.")
public record MailSettingView(
        @Schema(description = "OFF: never; DIGEST: one mail with everything unread once the oldest has waited the delay; IMMEDIATE: each on its own, at once",
                enumeration = {"OFF", "DIGEST", "IMMEDIATE"}) MailMode mode) {
}
