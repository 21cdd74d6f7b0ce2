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
 * matched in the background against the workspace's rules as {@link RuleBooks} keeps them (handover
 * rules first, then oldest first; the first that matches answers), without touching the database;
 * only a message that a rule matches opens a transaction, and the reply is posted in the message's
 * thread as the bot. The reply's idempotency key is the message's id, so a message is answered once
 * even if it were heard twice.
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

    @Inject
    RuleBooks books;

    /** Whether the bot looks at the message at all: a person's (never a bot's: no loops) text in a workspace channel. */
    public static boolean heard(ChannelRef channel, MessageState message) {
        return channel.kind() == ChannelKind.WORKSPACE && !message.senderBot() && message.senderName() == null && !message.deleted()
                && message.text() != null && !message.text().isBlank();
    }

    /** The workspace's rule that answers the message, or null (no database work when the rules are in the data grid). */
    public RuleBooks.Rule match(ChannelRef channel, MessageState message) {
        return books.of(channel.workspaceId()).firstMatch(channel.id(), message.text());
    }

    /** Answers the message with the rule {@link #match} found, if it still exists and the thread is not taken; the reply, or null. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Posting.Posted answer(ChannelRef channel, MessageState message, RuleBooks.Rule matched) {
        KeywordBot bot = em.find(KeywordBot.class, channel.workspaceId());
        KeywordRule rule = em.find(KeywordRule.class, matched.id());
        if (bot == null || rule == null || !rule.appliesIn(channel.id())
                || !new KeywordMatcher(message.text()).matches(rule.keywords(), rule.phrases())) {
            return null; // changed or deleted since the match
        }
        String threadId = message.parentId() != null ? message.parentId() : message.id();
        Handover asked = em.createQuery("select h from Handover h where h.threadId = :thread", Handover.class)
                .setParameter("thread", threadId).getResultStream().findFirst().orElse(null);
        if (asked != null && asked.takenBy() != null) {
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
