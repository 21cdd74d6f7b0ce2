package org.moim.gallery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moim.file.entity.StoredFile;
import org.moim.identity.entity.Account;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;

/**
 * What the gallery tells people through their inboxes, in the transaction of the change: the
 * uploader hears of comments ({@code gallery.commented}) and reactions ({@code gallery.reacted});
 * people mentioned in a comment who may see the picture hear of their mention
 * ({@code gallery.mentioned}, instead of the comment notice when the uploader is mentioned). Never
 * the actor.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class GalleryNotices {

    static final int EXCERPT = 300;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    GalleryPolicy policy;

    /** Answers whom the comment mentions without their being able to see the picture (not told). */
    public Set<String> commented(StoredFile picture, String actorId, String text, Collection<String> mentioned) {
        Set<String> named = new LinkedHashSet<>(mentioned);
        named.remove(actorId);
        Set<String> told = named.isEmpty() ? Set.of() : policy.seers(picture, named);
        Set<String> notTold = new LinkedHashSet<>(named);
        notTold.removeAll(told);
        String excerpt = excerpt(text);
        if (!told.isEmpty()) {
            deliver("gallery.mentioned", picture, actorId, Map.of("actor", name(actorId), "picture", picture.name()), excerpt, told);
        }
        String uploader = picture.uploader() == null ? null : picture.uploader().id();
        if (uploader != null && !uploader.equals(actorId) && !told.contains(uploader)) {
            deliver("gallery.commented", picture, actorId, Map.of("actor", name(actorId), "picture", picture.name()), excerpt, List.of(uploader));
        }
        return notTold;
    }

    public void reacted(StoredFile picture, String actorId, String code) {
        String uploader = picture.uploader() == null ? null : picture.uploader().id();
        if (uploader != null && !uploader.equals(actorId)) {
            deliver("gallery.reacted", picture, actorId, Map.of("actor", name(actorId), "picture", picture.name(), "reaction", code),
                    null, List.of(uploader));
        }
    }

    private void deliver(String kind, StoredFile picture, String actorId, Map<String, String> params, String excerpt, Collection<String> to) {
        String workspaceId = picture.workspaceId();
        inbox.deliver(new NotificationDraft(kind, actorId, workspaceId, "file", picture.id(), params, excerpt,
                "#/w/" + workspaceId + "/gallery?picture=" + picture.id()), to);
    }

    private String name(String accountId) {
        Account account = em.find(Account.class, accountId);
        return account == null ? "Someone" : account.displayName();
    }

    /** The start of a Markdown text as one plain line, mentions shown by their names. */
    static String excerpt(String markdown) {
        String plain = markdown.replaceAll("@\\[([^\\]\\n]{1,200})]\\([0-9a-f-]{36}\\)", "@$1").replaceAll("\\s+", " ").strip();
        if (plain.codePointCount(0, plain.length()) <= EXCERPT) {
            return plain;
        }
        return plain.substring(0, plain.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }
}
