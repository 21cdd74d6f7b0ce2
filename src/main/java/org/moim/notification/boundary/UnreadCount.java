package org.moim.notification.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnreadCount")
public record UnreadCount(@Schema(example = "3") long unreadCount) {
}
