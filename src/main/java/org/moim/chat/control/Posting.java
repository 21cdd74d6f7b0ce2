package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.chat.entity.AttachedFile;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelRef;
import org.moim.chat.entity.Message;
import org.moim.chat.entity.MessagePosted;
import org.moim.chat.entity.MessageState;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;

/**
 * Posting a message: numbered and stored before anyone hears of it. The channel row is locked
 * first, so the next number is the counter plus one, numbers are dense and in commit order, and
 * a retried post with the same idempotency key finds the first one (same number, same id)
 * instead of storing a second. Subscribers hear of it after commit (MessagePosted).
 *
 * <p>A message may carry files ({@link MessageAttachments}, answered by the file feature): the
 * sender's own uploads, unattached or attached to this channel. Any file refused refuses the
 * whole post; nothing is stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Posting {

    /** The longest idempotency key. */
    public static final int MAX_KEY_LENGTH = 64;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    @Inject
    Mentions mentions;

    @Inject
    ChatNotifications notifications;

    @Inject
    Event<MessagePosted> posted;

    @Inject
    Instance<MessageAttachments> attachments;

    @Inject
    @ConfigProperty(name = "moim.chat.max-attachments", defaultValue = "10")
    int maxAttachments;

    @Inject
    Clock clock;

    /** The stored message; {@code repeated} when the key had been used already (nothing new was stored). */
    public record Posted(ChannelRef channel, MessageState message, boolean repeated) {
    }

    public Posted post(String channelId, String senderId, String text, List<String> mentioned, String parentId, String key,
                       List<String> fileIds) {
        if (!Message.fits(text)) {
            throw new InvalidField("text", "must be 1 to " + Message.MAX_TEXT_BYTES + " bytes of UTF-8 and not blank");
        }
        checkAttachments(fileIds);
        if (key != null && (key.isEmpty() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidField("idempotencyKey", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        ChatPolicy.Access access = policy.requireLocked(channelId, senderId, ChatAction.POST);
        Channel channel = access.channel();
        if (key != null) {
            List<Message> earlier = em.createQuery(
                            "select m from Message m where m.channelId = :channel and m.senderId = :sender and m.clientKey = :key", Message.class)
                    .setParameter("channel", channel.id())
                    .setParameter("sender", senderId)
                    .setParameter("key", key)
                    .getResultList();
            if (!earlier.isEmpty()) {
                return new Posted(channel.ref(), earlier.get(0).state(), true);
            }
        }
        String threadId = parentId == null ? null : thread(channel, parentId);
        List<String> mentionIds = mentions.readersAmong(channel, mentioned);
        long seq = channel.lastSeq() + 1;
        Message message = new Message(channel.id(), seq, senderId, text, mentionIds, threadId, key, clock.instant());
        em.persist(message);
        em.createNativeQuery("UPDATE chat_channel SET last_seq = ?1 WHERE id = ?2")
                .setParameter(1, seq).setParameter(2, channel.id())
                .executeUpdate();
        em.flush();
        List<AttachedFile> files = fileIds.isEmpty() ? List.of()
                : attachments.get().attach(channel.workspaceId(), channel.id(), message.id(), senderId, fileIds);
        MessageState state = message.state();
        notifications.posted(channel, state);
        posted.fire(new MessagePosted(channel.ref(), state, files));
        return new Posted(channel.ref(), state, false);
    }

    private void checkAttachments(List<String> fileIds) {
        if (fileIds.isEmpty()) {
            return;
        }
        if (attachments.isUnsatisfied()) {
            throw new InvalidField("attachments", "files cannot be attached to messages on this server");
        }
        if (fileIds.size() > maxAttachments) {
            throw new InvalidField("attachments", "must be at most " + maxAttachments + " files");
        }
        if (new HashSet<>(fileIds).size() < fileIds.size()) {
            throw new InvalidField("attachments", "must not name a file twice");
        }
    }

    /** The thread a reply belongs to: the parent's own thread when the parent is a reply (threads are one level deep). */
    private String thread(Channel channel, String parentId) {
        Message parent = parentId.length() > 36 ? null : em.find(Message.class, parentId);
        if (parent == null || !parent.channelId().equals(channel.id()) || parent.isDeleted()) {
            throw new NotFound("The message replied to");
        }
        return parent.parentId() == null ? parent.id() : parent.parentId();
    }
}
