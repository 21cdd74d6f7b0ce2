package org.moim.keywordbot.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import javax.cache.Cache;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.keywordbot.entity.KeywordRule;
import org.moim.platform.cluster.SharedCaches;

/**
 * Each workspace's keyword rules as the bot reads them for every message of its channels, kept in
 * the data grid so that a message costs no database work unless a rule matches it (most messages
 * of most workspaces: none has a bot). A change of the rules forgets the workspace's book on every
 * node when it commits (and before, to narrow the window); a node that read the old rules at that
 * very moment may keep them for at most {@code moim.keyword-bot.rules-cache-ttl}.
 */
@ApplicationScoped
public class RuleBooks {

    /** One rule as the bot matches it. */
    public record Rule(String id, boolean handover, List<String> channelIds, List<String> keywords, List<String> phrases)
            implements Serializable {

        public Rule {
            channelIds = List.copyOf(channelIds);
            keywords = List.copyOf(keywords);
            phrases = List.copyOf(phrases);
        }

        boolean appliesIn(String channelId) {
            return channelIds.isEmpty() || channelIds.contains(channelId);
        }
    }

    /** A workspace's rules, handover rules first, then oldest first (the order they are tried in). */
    public record RuleBook(List<Rule> rules) implements Serializable {

        public RuleBook {
            rules = List.copyOf(rules);
        }

        /** The first rule that answers this text in this channel, or null. */
        public Rule firstMatch(String channelId, String text) {
            KeywordMatcher matcher = null;
            for (Rule rule : rules) {
                if (rule.appliesIn(channelId)) {
                    matcher = matcher == null ? new KeywordMatcher(text) : matcher;
                    if (matcher.matches(rule.keywords(), rule.phrases())) {
                        return rule;
                    }
                }
            }
            return null;
        }
    }

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    SharedCaches caches;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "moim.keyword-bot.rules-cache-ttl", defaultValue = "PT1M")
    Duration ttl;

    private Cache<String, RuleBook> books;

    @PostConstruct
    void open() {
        books = caches.cache("moim-keyword-rule-books", String.class, RuleBook.class, ttl);
    }

    /** The workspace's rules: from the data grid, or read once and kept there. */
    public RuleBook of(String workspaceId) {
        RuleBook book = books.get(workspaceId);
        if (book == null) {
            book = new RuleBook(em.createQuery("select r from KeywordRule r where r.workspaceId = :workspace "
                            + "order by r.handover desc, r.createdAt, r.id", KeywordRule.class)
                    .setParameter("workspace", workspaceId).getResultList().stream()
                    .map(r -> new Rule(r.id(), r.handover(), r.channelIds(), r.keywords(), r.phrases())).toList());
            books.putIfAbsent(workspaceId, book);
        }
        return book;
    }

    /** The workspace's rules change in the running transaction: every node forgets them now and once it committed. */
    void changed(String workspaceId) {
        books.remove(workspaceId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    books.remove(workspaceId);
                }
            }
        });
    }
}
