package org.moim.keywordbot.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.moim.chat.control.Posting;
import org.moim.identity.control.AccountStore;
import org.moim.keywordbot.entity.Handover;
import org.moim.keywordbot.entity.KeywordBot;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/**
 * "Talk to a person": a responder (or an owner or manager) takes a handover; the bot says so in
 * the thread ("Taken by …") and is silent there from then on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Handovers {

    public static final ProblemType TAKEN = new ProblemType("handover-taken", 409, "Someone took it already");

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    KeywordBotPolicy policy;

    @Inject
    Posting posting;

    @Inject
    AccountStore accounts;

    @Inject
    java.time.Clock clock;

    public Handover get(String workspaceId, String handoverId, String accountId) {
        Handover handover = policy.requireHandover(workspaceId, handoverId, accountId, KeywordBotAction.TAKE_HANDOVER);
        requireResponder(workspaceId, accountId);
        return handover;
    }

    /** Takes it; taking one's own again answers the same; someone else's: 409 handover-taken. */
    public Handover take(String workspaceId, String handoverId, String accountId) {
        Handover handover = get(workspaceId, handoverId, accountId);
        em.lock(handover, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(handover);
        if (accountId.equals(handover.takenBy())) {
            return handover;
        }
        if (!handover.take(accountId, clock.instant())) {
            throw new ProblemException(TAKEN, accounts.byId(handover.takenBy()).displayName() + " took this conversation already.");
        }
        KeywordBot bot = em.find(KeywordBot.class, workspaceId);
        String name = accounts.byId(accountId).displayName();
        posting.postFor(accountId, new Posting.Draft(handover.channelId(), bot.posterId(), "Taken by " + name + " · " + name + " 님이 맡았습니다",
                List.of(), handover.threadId(), "keyword-taken:" + handover.id(), List.of(), true));
        em.flush();
        return handover;
    }

    private void requireResponder(String workspaceId, String accountId) {
        Membership membership = policy.require(workspaceId, accountId, KeywordBotAction.TAKE_HANDOVER);
        if (membership.role() == MemberRole.MEMBER) {
            KeywordBot bot = em.find(KeywordBot.class, workspaceId);
            if (bot == null || !bot.responderIds().contains(accountId)) {
                throw new Forbidden("Only the keyword bot's responders, owners and managers take a conversation.");
            }
        }
    }
}
