package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
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
 * online right now. Never to the sender (the inbox sees to that).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatNotifications {

    static final int EXCERPT_LENGTH = 140;

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
            inbox.deliver(draft("chat.mentioned", sender + " mentioned you in a chat", channel, message, link), message.mentions());
        }
        if (channel.kind() == ChannelKind.DIRECT) {
            Set<String> others = new LinkedHashSet<>(policy.readers(channel));
            others.remove(message.senderId());
            message.mentions().forEach(others::remove);
            // The first message starts a conversation: everyone in it hears of it, online or not.
            Set<String> told = message.sequence() == 1 ? others : away.notOnline(others);
            if (!told.isEmpty()) {
                sender = sender != null ? sender : accounts.byId(message.senderId()).displayName();
                inbox.deliver(draft("chat.direct", sender + " sent you a direct message", channel, message, link), told);
            }
        }
    }

    private static NotificationDraft draft(String kind, String title, Channel channel, MessageState message, String link) {
        return new NotificationDraft(kind, message.senderId(), channel.workspaceId(), "message", message.id(), title,
                excerpt(message.text()), link);
    }

    static String excerpt(String text) {
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
