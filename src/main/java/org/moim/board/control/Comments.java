package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.moim.board.control.BoardPolicy.Access;
import org.moim.board.entity.Card;
import org.moim.board.entity.Comment;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.StaleVersion;

/** Comments on cards: Markdown with mentions; the author edits, the author or a moderator deletes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Comments {

    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardSearch search;

    @Inject
    BoardPolicy policy;

    @Inject
    BoardLimits limits;

    @Inject
    Cards cards;

    @Inject
    ActivityLog activity;

    @Inject
    CardNotices notices;

    @Inject
    Clock clock;

    /**
     * A comment with its author's display name and, right after a write, the people it newly
     * mentions who were not notified because they cannot read the board (empty on reads).
     */
    public record Written(Comment comment, String authorName, Set<String> mentionsNotDelivered) {
        public Written(Comment comment, String authorName) {
            this(comment, authorName, Set.of());
        }
    }

    public Written add(String workspaceId, String boardId, String accountId, String cardId, String body) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.COMMENT);
        String text = BoardTexts.text("body", body, limits.commentMaxLength(), true);
        Card card = cards.find(access.board(), cardId);
        Comment comment = new Comment(card, accountId, text, clock.instant());
        em.persist(comment);
        activity.record(card.board().id(), accountId, "comment.added", card.id(),
                ActivityLog.details("title", card.title(), "commentId", comment.id()));
        em.flush();
        search.reindex(card.id());
        Set<String> notDelivered = notices.mentionedInComment(card, accountId, text, Mentions.in(text));
        return written(comment, notDelivered);
    }

    /** The card's comments, oldest first. */
    public Page<Written> page(String workspaceId, String boardId, String accountId, String cardId, int limit, String cursorText) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        Card card = cards.find(access.board(), cardId);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = Cursor.decode("cursor", cursorText);
        TypedQuery<Object[]> query = em.createQuery("select c, a.displayName from Comment c left join Account a on a.id = c.authorId"
                        + " where c.card = :card" + (cursor == null ? "" : " and (c.createdAt > :at or (c.createdAt = :at and c.id > :id))")
                        + " order by c.createdAt, c.id", Object[].class)
                .setParameter("card", card)
                .setMaxResults(limit + 1);
        if (cursor != null) {
            query.setParameter("at", cursor.createdAt()).setParameter("id", cursor.id());
        }
        List<Written> found = query.getResultList().stream().map(row -> new Written((Comment) row[0], (String) row[1])).toList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        Comment last = found.get(limit - 1).comment();
        return new Page<>(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }

    public Written edit(String workspaceId, String boardId, String accountId, String cardId, String commentId,
                        Long expectedVersion, String body, Function<Written, ?> current) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        Card card = cards.find(access.board(), cardId);
        Comment comment = find(card, commentId);
        policy.requireOwnComment(access, comment.authorId());
        if (expectedVersion != null && expectedVersion != comment.version()) {
            throw new StaleVersion(comment.version(), current.apply(written(comment)));
        }
        String text = BoardTexts.text("body", body, limits.commentMaxLength(), true);
        if (!text.equals(comment.body())) {
            var mentioned = Mentions.added(comment.body(), text);
            comment.edit(text, clock.instant());
            activity.record(card.board().id(), accountId, "comment.edited", card.id(),
                    ActivityLog.details("title", card.title(), "commentId", comment.id()));
            em.flush();
            search.reindex(card.id());
            return written(comment, notices.mentionedInComment(card, accountId, text, mentioned));
        }
        return written(comment);
    }

    public void delete(String workspaceId, String boardId, String accountId, String cardId, String commentId) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        Card card = cards.find(access.board(), cardId);
        Comment comment = find(card, commentId);
        policy.requireMayDeleteComment(access, comment.authorId());
        em.remove(comment);
        activity.record(card.board().id(), accountId, "comment.deleted", card.id(),
                ActivityLog.details("title", card.title(), "commentId", comment.id(), "authorId", comment.authorId()));
        em.flush();
        search.reindex(card.id());
    }

    private Written written(Comment comment) {
        return written(comment, Set.of());
    }

    private Written written(Comment comment, Set<String> mentionsNotDelivered) {
        String name = em.createQuery("select a.displayName from Account a where a.id = :id", String.class)
                .setParameter("id", comment.authorId()).getResultStream().findFirst().orElse(null);
        return new Written(comment, name, mentionsNotDelivered);
    }

    private Comment find(Card card, String commentId) {
        Comment comment = commentId == null ? null : em.find(Comment.class, commentId);
        if (comment == null || !comment.card().id().equals(card.id())) {
            throw new NotFound("The comment");
        }
        return comment;
    }
}
