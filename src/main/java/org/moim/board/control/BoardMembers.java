package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.moim.board.entity.Board;
import org.moim.board.entity.BoardMember;
import org.moim.board.entity.BoardMemberRemoved;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.workspace.entity.MemberRole;

/** The people added to a board by name (the only way a workspace guest gets onto it). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardMembers {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Event<BoardMemberRemoved> removed;

    @Inject
    BoardPolicy policy;

    @Inject
    BoardLimits limits;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    /** A board member as listed: display name and workspace role joined in. */
    public record Listed(String accountId, String displayName, MemberRole role, Instant addedAt) {
    }

    /** What {@link #add} did: the member, and whether it was added now. */
    public record Added(Listed member, boolean isNew) {
    }

    /** The board's members with their names and workspace roles (parameter {@code :board}); callers add conditions and order. */
    private static final String LISTED = """
            select new org.moim.board.control.BoardMembers.Listed(bm.accountId, a.displayName, m.role, bm.addedAt)
            from BoardMember bm, Account a, Membership m, Board b
            where bm.board.id = :board and b.id = :board and a.id = bm.accountId
              and m.account.id = bm.accountId and m.workspace.id = b.workspaceId""";

    /** A page of the board's members in the order they were added (then by account id), in one query. */
    public Page<Listed> page(String workspaceId, String boardId, String accountId, int limit, String cursor) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD).board();
        Keyset keyset = Keyset.oldestFirst("bm.addedAt", "bm.accountId", limit, cursor);
        return keyset.page(em.createQuery(LISTED + keyset.and() + keyset.orderBy(), Listed.class)
                .setParameter("board", board.id()), listed -> new Cursor(listed.addedAt(), listed.accountId()));
    }

    /** The board's members in the order they were added, in one query. */
    public List<Listed> of(String boardId) {
        return em.createQuery(LISTED + " order by bm.addedAt, bm.accountId", Listed.class)
                .setParameter("board", boardId)
                .getResultList();
    }

    /** Adds a member of the workspace; adding someone already there answers them again. */
    public Added add(String workspaceId, String boardId, String accountId, String memberId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_BOARD_MEMBERS).board();
        boolean inWorkspace = memberId != null && !em.createQuery(
                        "select m.id from Membership m where m.workspace.id = :workspace and m.account.id = :account", String.class)
                .setParameter("workspace", board.workspaceId())
                .setParameter("account", memberId)
                .getResultList().isEmpty();
        if (!inWorkspace) {
            throw new InvalidField("accountId", "must be a member of the workspace");
        }
        boolean isNew = find(board, memberId) == null;
        if (isNew) {
            long count = em.createQuery("select count(bm) from BoardMember bm where bm.board = :board", Long.class)
                    .setParameter("board", board).getSingleResult();
            if (count >= limits.membersPerBoard()) {
                throw new BoardLimitReached("accountId", "members on a board", limits.membersPerBoard());
            }
            em.persist(new BoardMember(board, memberId, accountId, clock.instant()));
            activity.record(board.id(), accountId, "member.added", null, ActivityLog.details("accountId", memberId));
            em.flush();
        }
        // The one member, not the whole list read again.
        Listed listed = em.createQuery(LISTED + " and bm.accountId = :member", Listed.class)
                .setParameter("board", board.id()).setParameter("member", memberId).getSingleResult();
        return new Added(listed, isNew);
    }

    /** Removes a member (nothing happens if they were not on the board). */
    public void remove(String workspaceId, String boardId, String accountId, String memberId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_BOARD_MEMBERS).board();
        BoardMember member = find(board, memberId);
        if (member != null) {
            em.remove(member);
            activity.record(board.id(), accountId, "member.removed", null, ActivityLog.details("accountId", memberId));
            em.flush();
            removed.fire(new BoardMemberRemoved(board.workspaceId(), board.id(), memberId));
        }
    }

    private BoardMember find(Board board, String memberId) {
        return em.createQuery("select bm from BoardMember bm where bm.board = :board and bm.accountId = :account", BoardMember.class)
                .setParameter("board", board)
                .setParameter("account", memberId)
                .getResultStream().findFirst().orElse(null);
    }
}
