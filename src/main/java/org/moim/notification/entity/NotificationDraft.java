package org.moim.notification.entity;

import java.util.Objects;

/**
 * What happened, before it is addressed to anyone: {@code Inbox.deliver(draft, recipients)} turns
 * it into one {@link Notification} per recipient.
 *
 * @param kind        what happened, e.g. {@code card.assigned}, {@code chat.mentioned},
 *                    {@code invitation.received} (see docs/notifications.md)
 * @param actorId     who caused it (never notified of their own action); null for the system
 * @param workspaceId the workspace it happened in, or null
 * @param subjectType what it is about ({@code card}, {@code message}, {@code invitation}, {@code job}…)
 * @param subjectId   the id of that subject
 * @param title       one line for people, already in words
 * @param excerpt     an optional short plain-text excerpt (a comment, a message)
 * @param link        an optional browser route, e.g. {@code #/w/{workspace}/boards/{board}?card={card}}
 */
public record NotificationDraft(String kind, String actorId, String workspaceId, String subjectType,
                                String subjectId, String title, String excerpt, String link) {

    public NotificationDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
    }
}
