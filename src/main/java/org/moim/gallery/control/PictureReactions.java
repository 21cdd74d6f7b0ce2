package org.moim.gallery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.moim.file.entity.StoredFile;
import org.moim.gallery.entity.PictureReaction;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.security.RateLimiter;

/**
 * Reactions to pictures: a code from {@link PictureReaction#CODES}, once per person and code;
 * adding or taking back twice changes nothing. Every call counts against the caller's
 * {@link GalleryLimits#reactions()} (a flood gets 429), and a new reaction tells the uploader.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PictureReactions {

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

    public void react(String fileId, String accountId, String code, boolean add) {
        if (!PictureReaction.known(code)) {
            throw new InvalidField("code", "must be one of " + String.join(", ", PictureReaction.CODES));
        }
        StoredFile picture = policy.picture(fileId, accountId);
        rateLimiter.acquire(limits.reactions(), accountId);
        PictureReaction existing = em.find(PictureReaction.class, new PictureReaction.Key(picture.id(), accountId, code));
        if (add && existing == null) {
            em.persist(new PictureReaction(picture.id(), accountId, code, clock.instant()));
            em.flush();
            notices.reacted(picture, accountId, code);
        } else if (!add && existing != null) {
            em.remove(existing);
            em.flush();
        }
    }
}
