package org.moim.notification.entity;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.moim.identity.entity.Account.Language;

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
 * @param params      what the title names (the card's title, the actor's name, an instant…): the
 *                    title is rendered from the kind and these in each reader's language
 *                    ({@link NotificationTitles}); values longer than {@value #MAX_PARAM} are cut
 * @param excerpt     an optional short plain-text excerpt (a comment, a message)
 * @param link        an optional browser route, e.g. {@code #/w/{workspace}/boards/{board}?card={card}}
 */
public record NotificationDraft(String kind, String actorId, String workspaceId, String subjectType,
                                String subjectId, Map<String, String> params, String excerpt, String link) {

    public static final int MAX_PARAM = 200;

    public NotificationDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(params, "params");
        params = Map.copyOf(params);
        if (!NotificationTitles.knows(kind, params)) {
            throw new IllegalArgumentException("no title for notification kind " + kind);
        }
    }

    /** The title in English: what is stored beside the parameters, for readers that know no parameters. */
    public String title() {
        return NotificationTitles.render(kind, params, Language.EN, ZoneOffset.UTC);
    }
}
