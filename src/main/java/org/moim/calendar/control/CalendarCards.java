package org.moim.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.moim.board.control.BoardPolicy;
import org.moim.workspace.entity.MemberRole;

/**
 * Cards for the calendar, read straight from the boards' tables in one query each (JPQL over
 * {@code org.moim.board.entity}): not archived, on boards that are not archived and that the
 * person may see (owners, managers and members see every board of the workspace; guests only the
 * boards they are board members of, as {@code BoardPolicy} decides).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CalendarCards {

    private static final String ENTRY = "select new org.moim.calendar.control.CardEntry("
            + "c.id, c.title, c.startAt, c.dueAt, b.workspaceId, b.id, b.name, c.updatedAt) ";

    private static final String GUEST_ON_BOARD = BoardPolicy.onBoardJpql("b", ":me");

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    /**
     * The cards of the member's workspace whose span (start to due; one alone is a point)
     * overlaps {@code [from, to)}, at most {@code limit}. (No COALESCE: EclipseLink would not
     * convert the instants compared with it.)
     */
    public List<CardEntry> inRange(CalendarMember member, CalendarRange range, int limit) {
        boolean guest = member.role() == MemberRole.GUEST;
        TypedQuery<CardEntry> query = em.createQuery(ENTRY + """
                        from Card c join c.board b
                        where b.workspaceId = :workspace and b.archived = false and c.archived = false
                          and ((c.startAt < :to and c.dueAt >= :from)
                            or (c.startAt is null and c.dueAt >= :from and c.dueAt < :to)
                            or (c.dueAt is null and c.startAt >= :from and c.startAt < :to))"""
                        + (guest ? " and " + GUEST_ON_BOARD : "")
                        + " order by c.startAt, c.dueAt, c.id", CardEntry.class)
                .setParameter("workspace", member.workspace().id())
                .setParameter("from", range.from())
                .setParameter("to", range.to())
                .setMaxResults(limit);
        if (guest) {
            query.setParameter("me", member.accountId());
        }
        return query.getResultList();
    }

    /** Cards assigned to the account and due after {@code since}, on boards they may see, in their live workspaces. */
    public List<CardEntry> dueFor(String accountId, Instant since, int limit) {
        return em.createQuery(ENTRY + """
                        from CardAssignee a join a.card c join c.board b, Membership m
                        where a.accountId = :me and c.dueAt is not null and c.dueAt > :since
                          and c.archived = false and b.archived = false
                          and m.workspace.id = b.workspaceId and m.account.id = :me and m.workspace.deletedAt is null
                          and (m.role <> :guest or""" + " " + GUEST_ON_BOARD + """
                        )
                        order by c.dueAt, c.id""", CardEntry.class)
                .setParameter("me", accountId)
                .setParameter("since", since)
                .setParameter("guest", MemberRole.GUEST)
                .setMaxResults(limit)
                .getResultList();
    }
}
