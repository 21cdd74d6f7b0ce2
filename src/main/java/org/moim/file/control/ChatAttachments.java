package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.moim.chat.control.MessageAttachments;
import org.moim.chat.entity.AttachedFile;
import org.moim.file.entity.AttachmentTarget;
import org.moim.file.entity.MessageFile;
import org.moim.file.entity.StoredFile;
import org.moim.file.entity.ThumbnailState;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.Membership;

/**
 * Files sent with chat messages. A sender attaches their own uploads that are attached to
 * nothing yet or to the message's channel (uploaded with {@code ?target=channel:<id>}); the file
 * then lives at {@code message:<id>} in the scope {@code channel:<id>}, so whoever reads the
 * channel sees it and nobody else. Files the sender may not see are 404, as anywhere; anything
 * else refused is a validation problem on {@code attachments}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatAttachments implements MessageAttachments {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FilePolicy policy;

    @Inject
    Clock clock;

    @Override
    public List<AttachedFile> attach(String workspaceId, String channelId, String messageId, String senderId, List<String> fileIds) {
        Membership sender = policy.member(workspaceId, senderId);
        // Locked: two messages racing for the same unattached file cannot both take it.
        List<String> ids = fileIds.stream().filter(id -> id.length() <= 36).toList();
        Map<String, StoredFile> found = ids.isEmpty() ? Map.of()
                : em.createQuery("select f from StoredFile f where f.id in :ids", StoredFile.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
        AttachmentTarget channel = new AttachmentTarget(ChatTargets.CHANNEL, channelId);
        AttachmentTarget message = new AttachmentTarget(ChatTargets.MESSAGE, messageId);
        Instant now = clock.instant();
        List<AttachedFile> attached = new ArrayList<>(fileIds.size());
        for (String id : fileIds) {
            StoredFile file = found.get(id);
            if (file == null || !file.workspaceId().equals(workspaceId) || !policy.canSee(file, sender, senderId)) {
                throw new NotFound("The file " + id);
            }
            if (!file.isUploadedBy(senderId)) {
                throw new InvalidField("attachments", "file " + id + " was uploaded by someone else: send only your own uploads");
            }
            if (file.target().isPresent() && !file.target().get().equals(channel)) {
                throw new InvalidField("attachments", "file " + id + " is attached elsewhere (" + file.target().get().kind()
                        + "): send files attached to nothing or uploaded to this channel");
            }
            file.attachTo(message, channel, now);
            em.persist(new MessageFile(messageId, id, attached.size()));
            attached.add(view(file.id(), file.name(), file.contentType(), file.size(), file.thumbnail()));
        }
        return attached;
    }

    @Override
    public Map<String, List<AttachedFile>> of(Collection<String> messageIds) {
        Map<String, List<AttachedFile>> files = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return files;
        }
        em.createQuery("""
                        select l.messageId, f.id, f.name, f.contentType, f.size, f.thumbnail
                        from MessageFile l, StoredFile f where f.id = l.fileId and l.messageId in :ids
                        order by l.messageId, l.sortOrder""", Object[].class)
                .setParameter("ids", messageIds)
                .getResultList()
                .forEach(row -> files.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                        .add(view((String) row[1], (String) row[2], (String) row[3], (Long) row[4], (ThumbnailState) row[5])));
        return files;
    }

    private static AttachedFile view(String id, String name, String contentType, long size, ThumbnailState thumbnail) {
        return new AttachedFile(id, name, contentType, size, thumbnail.name().toLowerCase(Locale.ROOT));
    }
}
