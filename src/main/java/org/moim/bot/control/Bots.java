package org.moim.bot.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.moim.bot.entity.Bot;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.DisplayNames;
import org.moim.identity.control.PasswordHasher;
import org.moim.identity.control.PersonalAccessTokens;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.PersonalAccessToken;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.NotFound;
import org.moim.platform.security.TokenScope;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.control.WorkspaceTexts;
import org.moim.workspace.entity.MemberJoined;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/** A workspace's bots and their tokens, managed by its owners and managers. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Bots {

    /** What a bot's token may hold: everything but running the workspace. */
    public static final Set<TokenScope> BOT_SCOPES = Set.copyOf(EnumSet.complementOf(EnumSet.of(TokenScope.ADMIN)));

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WorkspacePolicy policy;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    PersonalAccessTokens tokens;

    @Inject
    Event<MemberJoined> joined;

    public Bot create(String workspaceId, String callerId, String name, String avatar) {
        Membership admin = policy.require(workspaceId, callerId, Action.MANAGE_BOTS);
        String displayName = DisplayNames.clean("name", name);
        String cleanAvatar = WorkspaceTexts.avatar("avatar", avatar);
        Instant now = clock.instant();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Account account = Account.bot(displayName, hasher.hash(Base64.getEncoder().encodeToString(secret)), now);
        accounts.add(account);
        em.persist(new Membership(admin.workspace(), account, MemberRole.MEMBER, now));
        Bot bot = new Bot(account, workspaceId, cleanAvatar, callerId, now);
        em.persist(bot);
        joined.fire(new MemberJoined(workspaceId, account.id(), MemberRole.MEMBER, "bot"));
        return bot;
    }

    /** The workspace's bots, oldest first, with their accounts (one statement after the policy's). */
    public Page<Bot> page(String workspaceId, String callerId, int limit, String cursor) {
        policy.require(workspaceId, callerId, Action.MANAGE_BOTS);
        Keyset keyset = Keyset.oldestFirst("b.createdAt", "b.accountId", limit, cursor);
        return keyset.page(em.createQuery("select b from Bot b join fetch b.account where b.workspaceId = :workspace"
                        + keyset.and() + keyset.orderBy(), Bot.class)
                .setParameter("workspace", workspaceId), b -> new Cursor(b.createdAt(), b.id()));
    }

    /** Removes the bot from its workspace and revokes its tokens; its messages stay. */
    public void remove(String workspaceId, String callerId, String botId) {
        policy.require(workspaceId, callerId, Action.MANAGE_BOTS);
        Bot bot = find(workspaceId, botId);
        tokens.revokeAll(bot.id());
        em.createQuery("delete from Membership m where m.workspace.id = :workspace and m.account.id = :account")
                .setParameter("workspace", workspaceId)
                .setParameter("account", bot.id())
                .executeUpdate();
        em.remove(bot);
    }

    public PersonalAccessTokens.Created createToken(String workspaceId, String callerId, String botId, String name,
                                                    List<String> scopes, Integer expiresInDays) {
        policy.require(workspaceId, callerId, Action.MANAGE_BOTS);
        Bot bot = find(workspaceId, botId);
        return tokens.create(bot.account(), callerId, name, scopes, expiresInDays, BOT_SCOPES);
    }

    public Page<PersonalAccessToken> tokens(String workspaceId, String callerId, String botId, int limit, String cursor) {
        policy.require(workspaceId, callerId, Action.MANAGE_BOTS);
        return tokens.page(find(workspaceId, botId).id(), limit, cursor);
    }

    public void revokeToken(String workspaceId, String callerId, String botId, String tokenId) {
        policy.require(workspaceId, callerId, Action.MANAGE_BOTS);
        tokens.revoke(find(workspaceId, botId).id(), tokenId, callerId);
    }

    /** The workspace's bot; another workspace's (or an unknown id) is 404. */
    private Bot find(String workspaceId, String botId) {
        Bot bot = botId == null || botId.length() > 36 ? null : em.find(Bot.class, botId);
        if (bot == null || !bot.workspaceId().equals(workspaceId)) {
            throw new NotFound("The bot");
        }
        return bot;
    }
}
