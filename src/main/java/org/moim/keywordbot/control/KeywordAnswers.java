package org.moim.keywordbot.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.moim.chat.control.ChatNotifications;
import org.moim.chat.control.Posting;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.ChannelRef;
import org.moim.chat.entity.MessageState;
import org.moim.identity.control.AccountStore;
import org.moim.keywordbot.entity.Handover;
import org.moim.keywordbot.entity.KeywordBot;
import org.moim.keywordbot.entity.KeywordRule;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;

/**
 * The keyword bot answering: once a person's message in a workspace channel has committed, it is
 * matched against the workspace's rules in the background (handover rules first, then oldest
 * first; the first that matches answers) in a transaction of its own, and the reply is posted in
 * the message's thread as the bot. The reply's idempotency key is the message's id, so a message
 * is answered once even if it were heard twice.
 */
@ApplicationScoped
public class KeywordAnswers {

    static final String KIND = "keyword-bot.handover";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Posting posting;

    @Inject
    Inbox inbox;

    @Inject
    AccountStore accounts;

    @Inject
    Clock clock;

    /** Whether the bot looks at the message at all: a person's (never a bot's: no loops) text in a workspace channel. */
    public static boolean heard(ChannelRef channel, MessageState message) {
        return channel.kind() == ChannelKind.WORKSPACE && !message.senderBot() && message.senderName() == null && !message.deleted()
                && message.text() != null && !message.text().isBlank();
    }

    /** Answers the message if a rule matches; the reply, or null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Posting.Posted answer(ChannelRef channel, MessageState message) {
        KeywordBot bot = em.find(KeywordBot.class, channel.workspaceId());
        if (bot == null) {
            return null;
        }
        String threadId = message.parentId() != null ? message.parentId() : message.id();
        Handover asked = em.createQuery("select h from Handover h where h.threadId = :thread", Handover.class)
                .setParameter("thread", threadId).getResultStream().findFirst().orElse(null);
        if (asked != null && asked.takenBy() != null) {
            return null;
        }
        List<KeywordRule> rules = em.createQuery("select r from KeywordRule r where r.workspaceId = :workspace "
                        + "order by r.handover desc, r.createdAt, r.id", KeywordRule.class)
                .setParameter("workspace", channel.workspaceId()).getResultList();
        KeywordMatcher matcher = new KeywordMatcher(message.text());
        KeywordRule rule = rules.stream().filter(r -> r.appliesIn(channel.id()) && matcher.matches(r.keywords(), r.phrases()))
                .findFirst().orElse(null);
        if (rule == null) {
            return null;
        }
        if (rule.handover()) {
            if (asked != null) {
                return null;
            }
            handOver(bot, channel, message, threadId);
        }
        return posting.postFor(message.senderId(), new Posting.Draft(channel.id(), bot.posterId(), rule.reply(), List.of(), threadId,
                "keyword:" + message.id(), List.of(), true));
    }

    private void handOver(KeywordBot bot, ChannelRef ref, MessageState message, String threadId) {
        Handover handover = new Handover(ref.workspaceId(), ref.id(), threadId, message.senderId(), clock.instant());
        em.persist(handover);
        em.flush();
        Channel channel = em.find(Channel.class, ref.id());
        String asker = accounts.byId(message.senderId()).displayName();
        String excerpt = ChatNotifications.excerpt(message.text());
        String link = "#/w/" + ref.workspaceId() + "/chat/" + ref.id() + "?seq=" + message.sequence();
        inbox.deliver(new NotificationDraft(KIND, message.senderId(), ref.workspaceId(), "keyword-handover", handover.id(),
                Map.of("actor", asker, "channel", channel.name()), excerpt, link), bot.responderIds());
    }
}
