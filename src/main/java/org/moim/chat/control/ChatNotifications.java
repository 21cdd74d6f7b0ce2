package org.moim.chat.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.regex.Pattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.MessageState;
import org.moim.identity.control.AccountStore;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;

/**
 * What a message tells people through their inbox: {@code chat.mentioned} to everyone it
 * mentions; {@code chat.direct} to the other members of a direct conversation who are not mentioned
 * anyway: for its first message (a new conversation) to all of them, later only to those not
 * online right now; {@code chat.channel} for {@code @channel} in a workspace channel, to every
 * reader of it who has not muted it and is not mentioned anyway; {@code chat.channel-added} to
 * those someone else put in a workspace channel. Never to the sender (the inbox sees to that).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatNotifications {

    static final int EXCERPT_LENGTH = 140;

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
            notifyChannel(channel, message, link, sender != null ? sender : accounts.byId(message.senderId()).displayName());
        }
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
