package org.moim.keywordbot.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.Message;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.PasswordHasher;
import org.moim.identity.entity.Account;
import org.moim.keywordbot.entity.KeywordBot;
import org.moim.keywordbot.entity.KeywordRule;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;
import org.moim.workspace.control.StaleVersion;
import org.moim.workspace.entity.MemberJoined;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/**
 * A workspace's keyword bot rules and responders, written by its owners and managers. The bot's
 * account (a MEMBER named "Keyword bot") is made with the first rule and stays.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KeywordRules {

    public static final ProblemType TOO_MANY = new ProblemType("too-many-keyword-rules", 409, "Too many keyword rules");
    static final String BOT_NAME = "Keyword bot";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    KeywordBotPolicy policy;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<MemberJoined> joined;

    @Inject
    Clock clock;

    @Inject
    RuleBooks books;

    @Inject
    @ConfigProperty(name = "moim.keyword-bot.max-rules-per-workspace", defaultValue = "100")
    int maxRules;

    /** What a rule says, as given (checked and cleaned by {@link #create} and {@link #update}). */
    public record RuleInput(List<String> keywords, List<String> phrases, String reply, boolean handover, List<String> channelIds) {
    }

    public KeywordRule create(String workspaceId, String accountId, RuleInput input) {
        Membership caller = policy.require(workspaceId, accountId, KeywordBotAction.MANAGE_KEYWORD_BOT);
        Clean clean = clean(workspaceId, input);
        long existing = em.createQuery("select count(r) from KeywordRule r where r.workspaceId = :workspace", Long.class)
                .setParameter("workspace", workspaceId).getSingleResult();
        if (existing >= maxRules) {
            throw new ProblemException(TOO_MANY, "A workspace's keyword bot can have at most " + maxRules + " rules: delete one first.");
        }
        Instant now = clock.instant();
        bot(caller, now);
        KeywordRule rule = new KeywordRule(workspaceId, clean.keywords, clean.phrases, clean.reply, input.handover(), clean.channelIds,
                accountId, now);
        em.persist(rule);
        em.flush();
        books.changed(workspaceId);
        return rule;
    }

    public Page<KeywordRule> list(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.oldestFirst("r.createdAt", "r.id", limit, cursor);
        policy.require(workspaceId, accountId, KeywordBotAction.SEE_KEYWORD_BOT);
        return keyset.page(em.createQuery("select r from KeywordRule r where r.workspaceId = :workspace" + keyset.and() + keyset.orderBy(),
                KeywordRule.class).setParameter("workspace", workspaceId), r -> new Cursor(r.createdAt(), r.id()));
    }

    public KeywordRule get(String workspaceId, String ruleId, String accountId) {
        return policy.requireRule(workspaceId, ruleId, accountId, KeywordBotAction.SEE_KEYWORD_BOT);
    }

    /** Replaces what the rule says; {@code expectedVersion} (If-Match) when given must be its version. */
    public KeywordRule update(String workspaceId, String ruleId, String accountId, Long expectedVersion, RuleInput input) {
        KeywordRule rule = policy.requireRule(workspaceId, ruleId, accountId, KeywordBotAction.MANAGE_KEYWORD_BOT);
        if (expectedVersion != null && expectedVersion != rule.version()) {
            throw new StaleVersion(rule.version());
        }
        Clean clean = clean(workspaceId, input);
        rule.change(clean.keywords, clean.phrases, clean.reply, input.handover(), clean.channelIds, clock.instant());
        em.flush();
        books.changed(workspaceId);
        return rule;
    }

    public void delete(String workspaceId, String ruleId, String accountId) {
        em.remove(policy.requireRule(workspaceId, ruleId, accountId, KeywordBotAction.MANAGE_KEYWORD_BOT));
        em.flush();
        books.changed(workspaceId);
    }

    /** The workspace's bot, or null before its first rule or choice of responders. */
    public KeywordBot settings(String workspaceId, String accountId) {
        policy.require(workspaceId, accountId, KeywordBotAction.SEE_KEYWORD_BOT);
        return em.find(KeywordBot.class, workspaceId);
    }

    /** The members a handover notifies (replacing the earlier choice; empty: nobody, only owners and managers may take). */
    public KeywordBot chooseResponders(String workspaceId, String accountId, List<String> responderIds) {
        Membership caller = policy.require(workspaceId, accountId, KeywordBotAction.MANAGE_KEYWORD_BOT);
        Set<String> ids = new LinkedHashSet<>(responderIds == null ? List.of() : responderIds);
        if (ids.size() > KeywordBot.MAX_RESPONDERS || ids.stream().anyMatch(id -> id == null || id.length() > 36)) {
            throw new InvalidField("responderIds", "must be at most " + KeywordBot.MAX_RESPONDERS + " member ids");
        }
        if (!ids.isEmpty()) {
            List<String> members = em.createQuery("select m.account.id from Membership m where m.workspace.id = :workspace "
                            + "and m.account.id in :ids and m.role <> :guest and m.account.bot = false", String.class)
                    .setParameter("workspace", workspaceId).setParameter("ids", ids).setParameter("guest", MemberRole.GUEST).getResultList();
            if (members.size() != ids.size()) {
                throw new InvalidField("responderIds", "must name people who are owners, managers or members of this workspace");
            }
        }
        KeywordBot bot = bot(caller, clock.instant());
        bot.chooseResponders(ids);
        em.flush();
        return bot;
    }

    private KeywordBot bot(Membership caller, Instant now) {
        String workspaceId = caller.workspace().id();
        KeywordBot bot = em.find(KeywordBot.class, workspaceId);
        if (bot != null) {
            return bot;
        }
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        Account poster = Account.bot(BOT_NAME, hasher.hash(Base64.getEncoder().encodeToString(unusable)), now);
        accounts.add(poster);
        em.persist(new Membership(caller.workspace(), poster, MemberRole.MEMBER, now));
        bot = new KeywordBot(workspaceId, poster.id(), now);
        em.persist(bot);
        em.flush();
        joined.fire(new MemberJoined(workspaceId, poster.id(), MemberRole.MEMBER, "keyword-bot"));
        return bot;
    }

    private record Clean(List<String> keywords, List<String> phrases, String reply, List<String> channelIds) {
    }

    private Clean clean(String workspaceId, RuleInput input) {
        List<String> keywords = new ArrayList<>();
        for (String given : listed("keywords", input.keywords())) {
            List<String> words = KeywordMatcher.words(given);
            if (words.isEmpty() || given.strip().length() > KeywordRule.MAX_TERM) {
                throw new InvalidField("keywords", "each must be 1 to " + KeywordRule.MAX_TERM + " characters with at least one letter or digit");
            }
            String keyword = String.join(" ", words);
            if (!keywords.contains(keyword)) {
                keywords.add(keyword);
            }
        }
        List<String> phrases = new ArrayList<>();
        for (String given : listed("phrases", input.phrases())) {
            String phrase = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
            if (phrase.isEmpty() || phrase.length() > KeywordRule.MAX_TERM || phrase.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidField("phrases", "each must be 1 to " + KeywordRule.MAX_TERM + " characters without control characters");
            }
            if (!phrases.contains(phrase)) {
                phrases.add(phrase);
            }
        }
        if (keywords.isEmpty() && phrases.isEmpty()) {
            throw new InvalidField("keywords", "give at least one keyword or phrase");
        }
        String reply = input.reply() == null ? "" : input.reply().strip();
        if (reply.isEmpty() || reply.length() > KeywordRule.MAX_REPLY || !Message.fits(reply)) {
            throw new InvalidField("reply", "must be 1 to " + KeywordRule.MAX_REPLY + " characters");
        }
        List<String> channelIds = new ArrayList<>(new LinkedHashSet<>(input.channelIds() == null ? List.of() : input.channelIds()));
        if (channelIds.size() > KeywordRule.MAX_CHANNELS || channelIds.stream().anyMatch(id -> id == null || id.length() > 36)) {
            throw new InvalidField("channelIds", "must be at most " + KeywordRule.MAX_CHANNELS + " channel ids");
        }
        if (!channelIds.isEmpty()) {
            long known = em.createQuery("select count(c) from Channel c where c.id in :ids and c.workspaceId = :workspace and c.kind = :kind",
                            Long.class)
                    .setParameter("ids", channelIds).setParameter("workspace", workspaceId).setParameter("kind", ChannelKind.WORKSPACE)
                    .getSingleResult();
            if (known != channelIds.size()) {
                throw new InvalidField("channelIds", "must name channels of this workspace (not direct conversations or board chats)");
            }
        }
        return new Clean(keywords, phrases, reply, channelIds);
    }

    private static List<String> listed(String field, List<String> given) {
        List<String> list = given == null ? List.of() : given;
        if (list.size() > KeywordRule.MAX_TERMS) {
            throw new InvalidField(field, "must be at most " + KeywordRule.MAX_TERMS);
        }
        return list;
    }
}
