package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.chat.entity.AttachedFile;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.ChannelRef;
import org.moim.chat.entity.Message;
import org.moim.chat.entity.MessagePosted;
import org.moim.chat.entity.MessageState;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.entity.MemberRole;

/**
 * Posting a message: numbered and stored before anyone hears of it. The channel row is locked
 * first, so the next number is the counter plus one, numbers are dense and in commit order, and
 * a retried post with the same idempotency key finds the first one (same number, same id)
 * instead of storing a second. Subscribers hear of it after commit (MessagePosted).
 *
 * <p>Several messages may be stored in one transaction ({@link #postAll}, the send queue's
 * batches): each channel is locked once, numbers its messages in the order given and moves its
 * counter once, at the end.
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

    /**
     * The stored message; {@code repeated} when the key had been used already (nothing new was
     * stored); {@code mentionsNotDelivered}: the workspace's members it named who were not notified
     * because they cannot read the channel (tell the writer; empty for a repeated post).
     */
    public record Posted(ChannelRef channel, MessageState message, boolean repeated, List<Mentions.NotDelivered> mentionsNotDelivered) {

        public Posted {
            mentionsNotDelivered = List.copyOf(mentionsNotDelivered);
        }

        public Posted(ChannelRef channel, MessageState message, boolean repeated) {
            this(channel, message, repeated, List.of());
        }
    }

    /** A message someone sends: what {@link #post(Draft)} and {@link #postAll} store. */
    public record Draft(String channelId, String senderId, String text, List<String> mentioned, String parentId, String key,
                        List<String> fileIds, boolean senderBot, String senderName) {

        public Draft {
            mentioned = List.copyOf(mentioned);
            fileIds = List.copyOf(fileIds);
        }

        /** A message under its sender's own name: a person's, or a bot's ({@code senderBot}). */
        public Draft(String channelId, String senderId, String text, List<String> mentioned, String parentId, String key,
                     List<String> fileIds, boolean senderBot) {
            this(channelId, senderId, text, mentioned, parentId, key, fileIds, senderBot, null);
        }

        /** A person's message. */
        public Draft(String channelId, String senderId, String text, List<String> mentioned, String parentId, String key,
                     List<String> fileIds) {
            this(channelId, senderId, text, mentioned, parentId, key, fileIds, false);
        }

        /** The checks that need no database, made again when it is stored. */
        public void requireValid() {
            // No channel has a longer id: answered at once, so it never makes a batch fall back.
            if (channelId.length() > 36) {
                throw new NotFound("The channel");
            }
            if (!Message.fits(text)) {
                throw new InvalidField("text", "must be 1 to " + Message.MAX_TEXT_BYTES + " bytes of UTF-8 and not blank");
            }
            if (senderName != null && (senderName.isBlank() || senderName.codePointCount(0, senderName.length()) > 100)) {
                throw new InvalidField("username", "must be 1 to 100 characters");
            }
            if (key != null && (key.isEmpty() || key.length() > MAX_KEY_LENGTH)) {
                throw new InvalidField("idempotencyKey", "must be 1 to " + MAX_KEY_LENGTH + " characters");
            }
        }
    }

    public Posted post(Draft draft) {
        return postAll(List.of(draft)).get(0);
    }

    /** A draft's outcome in {@link #postEach}: stored (or repeated), or refused with the problem that answers it. */
    public record Outcome(Posted posted, RuntimeException refused) {
    }

    /**
     * Stores the messages in this one transaction, in the order given (numbers follow it within
     * each channel): one statement locks their channels, one or two check their senders' access,
     * one insert per message, one statement moves the counters. Any message refused refuses them
     * all.
     *
     * <p>Idempotency keys are looked up only when one message is posted. A batch relies on the
     * unique key (channel, sender, key) instead: a key used before (a client sending again after a
     * reconnect, rare) makes its insert fail, and the caller posts the batch one by one, each
     * looking its key up. Looking every batch's keys up would cost a query per channel.
     */
    public List<Posted> postAll(List<Draft> drafts) {
        return store(drafts, false).stream().map(Outcome::posted).toList();
    }

    /**
     * As {@link #postAll}, but a draft refused by a check that needs nothing beyond what the batch
     * reads anyway (its own fields, its attachments' count, the channel and its sender's access)
     * is answered alone, with the problem it would have had on its own, and the others are stored
     * together. Someone sending to a channel they cannot read therefore never turns the batch of
     * everyone else on the node into one transaction per message. A refusal met later (a reply to
     * a message that is gone, a file that may not be attached, a key used before) still refuses the
     * whole batch: it comes from a statement or another feature's bean, after which the
     * transaction may not commit.
     */
    public List<Outcome> postEach(List<Draft> drafts) {
        return store(drafts, true);
    }

    private List<Outcome> store(List<Draft> drafts, boolean answerRefusedAlone) {
        RuntimeException[] refused = new RuntimeException[drafts.size()];
        Map<String, Set<String>> senders = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            try {
                draft.requireValid();
                checkAttachments(draft.fileIds());
            } catch (RuntimeException e) {
                if (!answerRefusedAlone) {
                    throw e;
                }
                refused[i] = e;
                continue;
            }
            senders.computeIfAbsent(draft.channelId(), id -> new HashSet<>()).add(draft.senderId());
        }
        Map<String, ChatPolicy.Readers> readers = senders.isEmpty() ? Map.of() : policy.readersLocked(senders);
        Map<String, Message> earlier = new HashMap<>();
        if (drafts.size() == 1) {
            readers.values().forEach(channel -> earlier.putAll(earlier(channel.channel(), drafts)));
        }
        List<Outcome> outcomes = new ArrayList<>(drafts.size());
        Map<String, Channel> numbered = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (refused[i] != null) {
                outcomes.add(new Outcome(null, refused[i]));
                continue;
            }
            Draft draft = drafts.get(i);
            ChatPolicy.Access access;
            try {
                ChatPolicy.Readers channelReaders = readers.get(draft.channelId());
                if (channelReaders == null) {
                    throw new NotFound("The channel");
                }
                access = channelReaders.require(draft.senderId(), ChatAction.POST);
            } catch (RuntimeException e) {
                if (!answerRefusedAlone) {
                    throw e;
                }
                outcomes.add(new Outcome(null, e));
                continue;
            }
            Channel channel = access.channel();
            Message repeated = draft.key() == null ? null : earlier.get(keyOf(channel.id(), draft.senderId(), draft.key()));
            if (repeated != null) {
                outcomes.add(new Outcome(new Posted(channel.ref(), repeated.state(), true), null));
                continue;
            }
            Stored stored = store(channel, draft, access.role());
            numbered.put(channel.id(), channel);
            outcomes.add(new Outcome(new Posted(channel.ref(), stored.message().state(), false, stored.notDelivered()), null));
        }
        advance(numbered.values());
        return outcomes;
    }

    /**
     * Posts a message on someone's behalf: the draft's sender (an integration's bot account, such
     * as a slash command's) need not read the channel, but {@code callerId} must be allowed to
     * post in it. Used for a command's {@code in_channel} answer: it appears in the channel where
     * the caller typed the command, whatever kind of channel that is. No idempotency key.
     */
    public Posted postFor(String callerId, Draft draft) {
        draft.requireValid();
        Map<String, ChatPolicy.Readers> readers = policy.readersLocked(Map.of(draft.channelId(), Set.of(callerId)));
        ChatPolicy.Readers channelReaders = readers.get(draft.channelId());
        if (channelReaders == null) {
            throw new NotFound("The channel");
        }
        ChatPolicy.Access caller = channelReaders.require(callerId, ChatAction.POST);
        Channel channel = caller.channel();
        Stored stored = store(channel, draft, caller.role());
        advance(List.of(channel));
        return new Posted(channel.ref(), stored.message().state(), false, stored.notDelivered());
    }

    /** Moves the channels' counters to their last numbers, in one statement. */
    private void advance(Collection<Channel> channels) {
        if (channels.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE chat_channel SET last_seq = CASE id");
        List<Object> values = new ArrayList<>();
        for (Channel channel : channels) {
            sql.append(" WHEN ? THEN ?");
            values.add(channel.id());
            values.add(channel.lastSeq());
        }
        sql.append(" END WHERE id IN (").append(String.join(", ", Collections.nCopies(channels.size(), "?"))).append(')');
        channels.forEach(channel -> values.add(channel.id()));
        Query update = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            update.setParameter(i + 1, values.get(i));
        }
        update.executeUpdate();
    }

    /** The messages stored earlier under the idempotency keys of these drafts, by {@link #keyOf}. */
    private Map<String, Message> earlier(Channel channel, List<Draft> drafts) {
        Set<String> senders = new HashSet<>();
        Set<String> keys = new HashSet<>();
        drafts.stream().filter(draft -> draft.key() != null).forEach(draft -> {
            senders.add(draft.senderId());
            keys.add(draft.key());
        });
        Map<String, Message> found = new HashMap<>();
        if (!keys.isEmpty()) {
            // Both lists: the unique index (channel, sender, key) answers it without scanning the channel.
            em.createQuery("""
                            select m from Message m
                            where m.channelId = :channel and m.senderId in :senders and m.clientKey in :keys""", Message.class)
                    .setParameter("channel", channel.id())
                    .setParameter("senders", senders)
                    .setParameter("keys", keys)
                    .getResultList()
                    .forEach(message -> found.put(keyOf(channel.id(), message.senderId(), message.clientKey()), message));
        }
        return found;
    }

    private static String keyOf(String channelId, String senderId, String key) {
        return channelId + ' ' + senderId + ' ' + key;
    }

    private record Stored(Message message, List<Mentions.NotDelivered> notDelivered) {
    }

    /**
     * Numbers and stores one message the sender may post; tells the inbox and, after commit, the
     * subscribers. Whom a mention did not notify is told only to a {@code role} that may see the
     * workspace's member list (a guest learns nothing about members from naming ids).
     */
    private Stored store(Channel channel, Draft draft, MemberRole role) {
        String threadId = draft.parentId() == null ? null : thread(channel, draft.parentId());
        // Interceptors cost more than the calls at hundreds of messages a second: only when needed.
        Mentions.Split split = draft.mentioned().isEmpty() ? Mentions.Split.NONE
                : mentions.split(channel, draft.senderId(), draft.mentioned(), Action.LIST_MEMBERS.allows(role));
        List<String> mentionIds = split.readers();
        long seq = channel.lastSeq() + 1;
        Message message = new Message(channel.id(), seq, draft.senderId(), draft.senderBot(), draft.senderName(), draft.text(), mentionIds, threadId, draft.key(),
                clock.instant());
        em.persist(message);
        channel.numberedUpTo(seq);
        List<AttachedFile> files = List.of();
        if (!draft.fileIds().isEmpty()) {
            em.flush();
            files = attachments.get().attach(channel.workspaceId(), channel.id(), message.id(), draft.senderId(), draft.fileIds());
        }
        MessageState state = message.state();
        if (!mentionIds.isEmpty() || channel.kind() == ChannelKind.DIRECT || ChatNotifications.notifiesChannel(channel, state)) {
            notifications.posted(channel, state);
        }
        posted.fire(new MessagePosted(channel.ref(), state, files));
        return new Stored(message, split.notDelivered());
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
