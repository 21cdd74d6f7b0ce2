package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.Message;
import org.moim.chat.entity.MessageState;
import org.moim.identity.control.AccountStore;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsSender;
import org.moim.platform.messaging.MalformedMessage;

/**
 * What a message tells people through their inbox: {@code chat.mentioned} to everyone it
 * mentions; {@code chat.direct} to the other members of a direct conversation who are not mentioned
 * anyway: for its first message (a new conversation) to all of them, later only to those not
 * online right now; {@code chat.channel} for {@code @channel} in a workspace channel, to every
 * reader of it who has not muted it and is not mentioned anyway; {@code chat.channel-added} to
 * those someone else put in a workspace channel. Never to the sender (the inbox sees to that).
 *
 * <p>{@code @channel} may tell thousands: the post only queues a {@code chat-channel-notice} on
 * {@value #CHANNEL_NOTICES} in its transaction (a constant few statements however large the
 * channel), and {@link #channelNotice} writes the notices in the listener's transaction, to the
 * readers the channel has then.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatNotifications {

    static final int EXCERPT_LENGTH = 140;

    /** The queue of {@code @channel} fan-outs ({@code chat.boundary.ChannelNoticesListener}). */
    public static final String CHANNEL_NOTICES = "moim.chat-channel-notices";
    static final String CHANNEL_NOTICE = "chat-channel-notice";

    /** {@code @channel} as a word of its own (not inside an address or a longer word). */
    private static final Pattern AT_CHANNEL = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@channel(?![\\p{L}\\p{N}_])");

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    ChatPolicy policy;

    @Inject
    AwayFilter away;

    @Inject
    AccountStore accounts;

    @Inject
    JmsSender jms;

    void posted(Channel channel, MessageState message) {
        String link = link(channel, message);
        String sender = null;
        if (!message.mentions().isEmpty()) {
            sender = accounts.byId(message.senderId()).displayName();
            inbox.deliver(draft("chat.mentioned", Map.of("actor", sender), channel, message, link), message.mentions());
        }
        if (channel.kind() == ChannelKind.DIRECT) {
            Set<String> others = new LinkedHashSet<>(policy.readers(channel));
            others.remove(message.senderId());
            message.mentions().forEach(others::remove);
            // The first message starts a conversation: everyone in it hears of it, online or not.
            Set<String> told = message.sequence() == 1 ? others : away.notOnline(others);
            if (!told.isEmpty()) {
                sender = sender != null ? sender : accounts.byId(message.senderId()).displayName();
                inbox.deliver(draft("chat.direct", Map.of("actor", sender), channel, message, link), told);
            }
        }
        if (notifiesChannel(channel, message)) {
            // Delivered when the post commits, by the listener: the key makes a redelivered message recognisable.
            jms.send(CHANNEL_NOTICES, new Envelope(CHANNEL_NOTICE, 1, message.id(), Json.createObjectBuilder()
                    .add("channelId", channel.id()).add("messageId", message.id()).build()));
        }
    }

    /**
     * A {@code chat-channel-notice} from the queue: {@code chat.channel} to every reader the channel
     * has now who has not muted it, is not mentioned anyway and is not the sender; nothing when the
     * message or its channel is gone, or the message was deleted meanwhile, or (a redelivery) its
     * notices were written already.
     */
    public void channelNotice(Envelope envelope) {
        if (!CHANNEL_NOTICE.equals(envelope.type()) || envelope.version() != 1
                || !(envelope.payload().get("channelId") instanceof JsonString channelId)
                || !(envelope.payload().get("messageId") instanceof JsonString messageId)) {
            throw new MalformedMessage("not a " + CHANNEL_NOTICE + " v1 message");
        }
        Channel channel = em.find(Channel.class, channelId.getString());
        Message message = em.find(Message.class, messageId.getString());
        if (channel == null || message == null || message.isDeleted() || !message.channelId().equals(channel.id())) {
            return;
        }
        boolean written = !em.createQuery("select n.id from Notification n where n.kind = :kind and n.subjectId = :message", String.class)
                .setParameter("kind", "chat.channel")
                .setParameter("message", message.id())
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (written) {
            return;
        }
        MessageState state = message.state();
        notifyChannel(channel, state, link(channel, state), accounts.byId(state.senderId()).displayName());
    }

    /** Whether the message says {@code @channel} where that notifies: in a workspace channel. */
    static boolean notifiesChannel(Channel channel, MessageState message) {
        return channel.kind() == ChannelKind.WORKSPACE && message.text() != null && AT_CHANNEL.matcher(message.text()).find();
    }

    private void notifyChannel(Channel channel, MessageState message, String link, String sender) {
        Set<String> everyone = new LinkedHashSet<>(policy.readers(channel));
        everyone.remove(message.senderId());
        message.mentions().forEach(everyone::remove);
        em.createQuery("select m.accountId from ChannelMute m where m.channelId = :channel", String.class)
                .setParameter("channel", channel.id())
                .getResultList()
                .forEach(everyone::remove);
        if (!everyone.isEmpty()) {
            inbox.deliver(draft("chat.channel", Map.of("actor", sender, "channel", channel.name()), channel, message, link), everyone);
        }
    }

    /**
     * {@code chat.channel-added} to the people someone else put in a workspace channel (at its
     * creation or later): their browsers list the channel at once, and the bell says who did it.
     */
    public void added(Channel channel, String actorId, java.util.Collection<String> accountIds) {
        Set<String> told = new LinkedHashSet<>(accountIds);
        told.remove(actorId);
        if (told.isEmpty()) {
            return;
        }
        inbox.deliver(new NotificationDraft("chat.channel-added", actorId, channel.workspaceId(), "channel", channel.id(),
                Map.of("actor", accounts.byId(actorId).displayName(), "channel", channel.name()), null,
                "#/w/" + channel.workspaceId() + "/chat/" + channel.id()), told);
    }

    private static NotificationDraft draft(String kind, Map<String, String> params, Channel channel, MessageState message, String link) {
        return new NotificationDraft(kind, message.senderId(), channel.workspaceId(), "message", message.id(), params,
                excerpt(message.text()), link);
    }

    /** A notification's excerpt of a message: whitespace flattened, at most 140 code points (never half an emoji). */
    public static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= EXCERPT_LENGTH) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, EXCERPT_LENGTH - 1)) + "…";
    }

    /** The browser route to the message. */
    static String link(Channel channel, MessageState message) {
        return "#/w/" + channel.workspaceId() + "/chat/" + channel.id() + "?seq=" + message.sequence();
    }
}
