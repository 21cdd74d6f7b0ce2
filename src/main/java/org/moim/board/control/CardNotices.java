package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.moim.board.entity.Card;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;

/**
 * What cards tell people, through their inboxes, in the transaction of the change: assignment,
 * and mentions in descriptions and comments. Only people who may read the board are told (a
 * mention of anyone else is plain text), and never the actor. The mention methods answer whom
 * they did not tell because that person cannot read the board, so the writer can be told.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CardNotices {

    static final int EXCERPT = 300;

    @Inject
    Inbox inbox;

    @Inject
    BoardPolicy policy;

    public void assigned(Card card, String actorId, Collection<String> assignees) {
        deliver("card.assigned", card, actorId, Map.of("card", card.title()), null, assignees);
    }

    /** {@code card.due-soon} to these assignees, who the caller found may read the board (the system tells them: no actor). */
    public void dueSoon(Card card, Collection<String> readingAssignees) {
        if (!readingAssignees.isEmpty()) {
            inbox.deliver(new NotificationDraft("card.due-soon", null, card.board().workspaceId(), "card", card.id(),
                    Map.of("card", card.title(), "dueAt", card.dueAt().toString()), null, link(card)), readingAssignees);
        }
    }

    public Set<String> mentionedInCard(Card card, String actorId, Collection<String> mentioned) {
        return deliver("card.mentioned", card, actorId, Map.of("card", card.title()), excerpt(card.description()), mentioned);
    }

    public Set<String> mentionedInComment(Card card, String actorId, String comment, Collection<String> mentioned) {
        return deliver("comment.mentioned", card, actorId, Map.of("card", card.title()), excerpt(comment), mentioned);
    }

    /** Tells the readers among {@code named} (never the actor); answers those named who cannot read the board. */
    private Set<String> deliver(String kind, Card card, String actorId, Map<String, String> params, String excerpt, Collection<String> named) {
        Set<String> recipients = new LinkedHashSet<>(named);
        recipients.remove(actorId);
        if (recipients.isEmpty()) {
            return Set.of();
        }
        Set<String> notReaders = new LinkedHashSet<>(recipients);
        Set<String> readers = policy.readers(card.board().id());
        recipients.retainAll(readers);
        notReaders.removeAll(readers);
        if (recipients.isEmpty()) {
            return notReaders;
        }
        String workspaceId = card.board().workspaceId();
        inbox.deliver(new NotificationDraft(kind, actorId, workspaceId, "card", card.id(), params, excerpt, link(card)), recipients);
        return notReaders;
    }

    static String link(Card card) {
        return "#/w/" + card.board().workspaceId() + "/boards/" + card.board().id() + "?card=" + card.id();
    }

    /** The start of a Markdown text as one plain line, mentions shown by their names. */
    static String excerpt(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        String plain = markdown.replaceAll("@\\[([^\\]\\n]{1,200})]\\([0-9a-f-]{36}\\)", "@$1").replaceAll("\\s+", " ").strip();
        if (plain.codePointCount(0, plain.length()) <= EXCERPT) {
            return plain;
        }
        return plain.substring(0, plain.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }
}
