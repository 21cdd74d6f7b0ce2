package org.moim.gallery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.moim.board.control.BoardTexts;
import org.moim.board.control.Mentions;
import org.moim.file.entity.StoredFile;
import org.moim.gallery.entity.PictureComment;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.platform.security.RateLimiter;

/**
 * Comments on pictures: Markdown with mentions written as in card comments
 * ({@code @[name](accountId)}, read by the board feature's {@link Mentions}); oldest first in
 * pages; deleted by their author or a files moderator.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PictureComments {

    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    GalleryPolicy policy;

    @Inject
    GalleryLimits limits;

    @Inject
    GalleryNotices notices;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Clock clock;

    /** A comment with its author's name and, after a write, who it mentions in vain (cannot see the picture). */
    public record Written(PictureComment comment, String authorName, Set<String> mentionsNotDelivered) {
    }

    public Written add(String fileId, String accountId, String body) {
        StoredFile picture = policy.picture(fileId, accountId);
        String text = BoardTexts.text("body", body, limits.commentMaxLength(), true);
        Set<String> mentioned = Mentions.in(text);
        if (mentioned.size() > GalleryLimits.MAX_MENTIONS) {
            throw new InvalidField("body", "must mention at most " + GalleryLimits.MAX_MENTIONS + " people");
        }
        rateLimiter.acquire(limits.comments(), accountId);
        PictureComment comment = new PictureComment(picture.id(), accountId, text, clock.instant());
        em.persist(comment);
        em.flush();
        Set<String> notDelivered = notices.commented(picture, accountId, text, mentioned);
        return new Written(comment, authorName(accountId), notDelivered);
    }

    /** The picture's comments, oldest first. */
    public Page<Written> page(String fileId, String accountId, int limit, String cursorText) {
        StoredFile picture = policy.picture(fileId, accountId);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = Cursor.decode("cursor", cursorText);
        TypedQuery<Object[]> query = em.createQuery("select c, a.displayName from PictureComment c left join Account a on a.id = c.authorId"
                        + " where c.fileId = :file" + (cursor == null ? "" : " and (c.createdAt > :at or (c.createdAt = :at and c.id > :id))")
                        + " order by c.createdAt, c.id", Object[].class)
                .setParameter("file", picture.id())
                .setMaxResults(limit + 1);
        if (cursor != null) {
            query.setParameter("at", cursor.createdAt()).setParameter("id", cursor.id());
        }
        List<Written> found = query.getResultList().stream()
                .map(row -> new Written((PictureComment) row[0], (String) row[1], Set.of())).toList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        PictureComment last = found.get(limit - 1).comment();
        return new Page<>(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }

    public void delete(String fileId, String accountId, String commentId) {
        StoredFile picture = policy.picture(fileId, accountId);
        PictureComment comment = commentId == null || commentId.length() > 36 ? null : em.find(PictureComment.class, commentId);
        if (comment == null || !comment.fileId().equals(picture.id())) {
            throw new NotFound("The comment");
        }
        policy.requireMayDelete(picture, comment, accountId);
        em.remove(comment);
    }

    private String authorName(String accountId) {
        return em.createQuery("select a.displayName from Account a where a.id = :id", String.class)
                .setParameter("id", accountId).getResultStream().findFirst().orElse(null);
    }
}
