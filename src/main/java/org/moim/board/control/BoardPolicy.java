package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.entity.Limit;
import org.moim.board.entity.Board;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/**
 * The one place that decides who may do what with boards (the matrix is {@link BoardAction}).
 *
 * <p>Who sees a board: the OWNERs, MANAGERs and MEMBERs of its (live) workspace, and GUESTs of
 * the workspace who are on the board's member list. Anyone else gets 404, exactly as if the board
 * did not exist (also for a board id used under another workspace's path); someone who sees the
 * board but whose role lacks the action gets 403. One query answers both.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    @Inject
    PlanLimits plans;

    /** A board the caller sees, with the caller's role in its workspace. */
    public record Access(Board board, MemberRole role, String accountId) {
    }

    /** The board if the caller may do {@code action} with it: 404 if they may not see it, 403 for their role. */
    public Board require(String boardId, String accountId, BoardAction action) {
        return access(null, boardId, accountId, action).board();
    }

    /**
     * As {@link #require(String, String, BoardAction)}, and the board must belong to
     * {@code workspaceId} (else 404): for paths under {@code /workspaces/{workspaceId}/boards}.
     */
    public Access access(String workspaceId, String boardId, String accountId, BoardAction action) {
        List<Object[]> found = boardId == null || accountId == null ? List.of() : em.createQuery("""
                        select b, m.role from Board b, Membership m
                        where b.id = :board and m.workspace.id = b.workspaceId and m.workspace.deletedAt is null
                          and m.account.id = :account
                          and (m.role <> :guest or exists (
                              select bm.id from BoardMember bm where bm.board = b and bm.accountId = :account))""", Object[].class)
                .setParameter("board", boardId)
                .setParameter("account", accountId)
                .setParameter("guest", MemberRole.GUEST)
                .getResultList();
        if (found.isEmpty() || workspaceId != null && !((Board) found.get(0)[0]).workspaceId().equals(workspaceId)) {
            throw notFound();
        }
        Access access = require(new Access((Board) found.get(0)[0], (MemberRole) found.get(0)[1], accountId), action);
        if (action.changesContent()) {
            requireWithinPlan(access.board());
        }
        return access;
    }

    /**
     * A board beyond the plan's board limit (counted oldest first) is read-only: its content
     * cannot change until the workspace is within the limit again (402 plan-limit).
     */
    private void requireWithinPlan(Board board) {
        Long max = plans.planOf(board.workspaceId()).max(Limit.BOARDS);
        if (max == null) {
            return;
        }
        long position = em.createQuery("""
                        select count(b) from Board b where b.workspaceId = :workspace
                          and (b.createdAt < :at or (b.createdAt = :at and b.id <= :id))""", Long.class)
                .setParameter("workspace", board.workspaceId())
                .setParameter("at", board.createdAt())
                .setParameter("id", board.id())
                .getSingleResult();
        if (position > max) {
            plans.requireAtMost(board.workspaceId(), Limit.BOARDS, position);
        }
    }

    /** A second check on an access {@link #access} returned. */
    public Access require(Access access, BoardAction action) {
        if (!action.allows(access.role())) {
            throw new Forbidden("Your role in this workspace (" + access.role() + ") does not allow " + action + " on boards.");
        }
        return access;
    }

    /**
     * For actions on the workspace's boards as a whole (listing, creating): the caller's
     * membership of the live workspace (404 if none), 403 if the role lacks the action.
     */
    public Membership requireInWorkspace(String workspaceId, String accountId, BoardAction action) {
        Membership membership = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role in this workspace (" + membership.role() + ") does not allow " + action + ".");
        }
        return membership;
    }

    /** Editing a comment: only its author, and only with {@link BoardAction#COMMENT}. */
    public void requireOwnComment(Access access, String authorId) {
        require(access, BoardAction.COMMENT);
        if (!access.accountId().equals(authorId)) {
            throw new Forbidden("Only the author may change a comment.");
        }
    }

    /** Deleting a comment: its author (with {@link BoardAction#COMMENT}), or {@link BoardAction#MODERATE_COMMENTS}. */
    public void requireMayDeleteComment(Access access, String authorId) {
        require(access, access.accountId().equals(authorId) ? BoardAction.COMMENT : BoardAction.MODERATE_COMMENTS);
    }

    /**
     * For each board, the workspace roles of those among its accounts who see it (as
     * {@link #access} with {@link BoardAction#VIEW_BOARD} would answer for each), in one query
     * however many boards and accounts; an account that does not see the board is absent.
     */
    public Map<String, Map<String, MemberRole>> viewerRoles(Map<String, ? extends Collection<String>> accountsByBoard) {
        Map<String, Map<String, MemberRole>> roles = new HashMap<>();
        accountsByBoard.keySet().forEach(board -> roles.put(board, new HashMap<>()));
        Set<String> accounts = new HashSet<>();
        accountsByBoard.values().forEach(accounts::addAll);
        if (accountsByBoard.isEmpty() || accounts.isEmpty()) {
            return roles;
        }
        // Boards × accounts: a pair that was not asked for is left out below.
        em.createQuery("""
                        select b.id, m.account.id, m.role from Membership m, Board b
                        where b.id in :boards and m.workspace.id = b.workspaceId and m.workspace.deletedAt is null
                          and m.account.id in :accounts
                          and (m.role <> :guest or exists (
                              select bm.id from BoardMember bm where bm.board = b and bm.accountId = m.account.id))""", Object[].class)
                .setParameter("boards", accountsByBoard.keySet())
                .setParameter("accounts", accounts)
                .setParameter("guest", MemberRole.GUEST)
                .getResultList()
                .forEach(row -> {
                    if (accountsByBoard.get((String) row[0]).contains((String) row[1])) {
                        roles.get((String) row[0]).put((String) row[1], (MemberRole) row[2]);
                    }
                });
        return roles;
    }

    /**
     * The ids of the workspace's boards the caller sees (the rule of {@link #access}), in one
     * query; none when the caller is not in the live workspace.
     */
    public List<String> visibleBoardIds(String workspaceId, String accountId) {
        return em.createQuery("""
                        select b.id from Board b, Membership m
                        where b.workspaceId = :workspace and m.workspace.id = b.workspaceId and m.workspace.deletedAt is null
                          and m.account.id = :account
                          and (m.role <> :guest or exists (
                              select bm.id from BoardMember bm where bm.board = b and bm.accountId = :account))""", String.class)
                .setParameter("workspace", workspaceId)
                .setParameter("account", accountId)
                .setParameter("guest", MemberRole.GUEST)
                .getResultList();
    }

    /** The accounts that may read the board right now (none for an unknown board or a deleted workspace). */
    public Set<String> readers(String boardId) {
        return new LinkedHashSet<>(em.createQuery("""
                        select m.account.id from Membership m, Board b
                        where b.id = :board and m.workspace.id = b.workspaceId and m.workspace.deletedAt is null
                          and (m.role <> :guest or exists (
                              select bm.id from BoardMember bm where bm.board = b and bm.accountId = m.account.id))""", String.class)
                .setParameter("board", boardId)
                .setParameter("guest", MemberRole.GUEST)
                .getResultList());
    }

    /** The boards of the workspace the account does not see (all of them when it is not a member). */
    public List<String> hiddenFrom(String workspaceId, String accountId) {
        return em.createQuery("""
                        select b.id from Board b where b.workspaceId = :workspace and not exists (
                          select m.id from Membership m
                          where m.workspace.id = b.workspaceId and m.workspace.deletedAt is null and m.account.id = :account
                            and (m.role <> :guest or exists (
                                select bm.id from BoardMember bm where bm.board = b and bm.accountId = :account)))""", String.class)
                .setParameter("workspace", workspaceId)
                .setParameter("account", accountId)
                .setParameter("guest", MemberRole.GUEST)
                .getResultList();
    }

    /**
     * The guest half of the rule as a JPQL condition, for another feature's query that lists what
     * someone sees: the account ({@code accountExpression}, a parameter such as {@code :me} or a
     * path) is on the member list of the board {@code boardAlias}. Owners, managers and members see
     * every board of their live workspace; combine as {@code (role <> GUEST or onBoardJpql(…))}.
     * Only this class and {@link BoardMembers} (the list itself) name the board member table
     * ({@code ArchitectureTest}).
     */
    public static String onBoardJpql(String boardAlias, String accountExpression) {
        return "exists (select bm.id from BoardMember bm where bm.board = " + boardAlias + " and bm.accountId = " + accountExpression + ")";
    }

    /** {@link #onBoardJpql} for native SQL: {@code boardIdColumn} holds the board's id, {@code accountExpression} the account's (e.g. {@code ?2}). */
    public static String onBoardSql(String boardIdColumn, String accountExpression) {
        return "EXISTS (SELECT 1 FROM board_member bm WHERE bm.board_id = " + boardIdColumn + " AND bm.account_id = " + accountExpression + ")";
    }

    static NotFound notFound() {
        return new NotFound("The board");
    }
}
