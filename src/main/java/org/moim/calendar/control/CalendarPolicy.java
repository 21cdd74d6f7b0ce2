package org.moim.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;

/**
 * The one place that decides who may do what with a calendar. Not a member (or a deleted
 * workspace), or an event the caller may not see: 404. A member whose role lacks the action: 403.
 * See {@code docs/permissions.md}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CalendarPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    /** The caller (with the workspace) if the caller may do {@code action} there. */
    public CalendarMember require(String workspaceId, String accountId, CalendarAction action) {
        return require(new CalendarMember(accountId, workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE)), action);
    }

    public CalendarMember require(CalendarMember member, CalendarAction action) {
        if (!member.may(action)) {
            throw new Forbidden("Your role in this workspace (" + member.role() + ") does not allow " + action + ".");
        }
        return member;
    }

    /** The event (with its creator) if it is in the member's workspace and the member may see it. */
    public CalendarEvent visibleEvent(CalendarMember member, String eventId) {
        List<CalendarEvent> found = eventId == null ? List.of() : em.createQuery("""
                        select e from CalendarEvent e join fetch e.createdBy
                        where e.id = :id and e.workspace = :workspace""", CalendarEvent.class)
                .setParameter("id", eventId)
                .setParameter("workspace", member.workspace())
                .getResultList();
        if (found.isEmpty() || !maySee(member, found.get(0))) {
            throw new NotFound("The event");
        }
        return found.get(0);
    }

    public boolean maySee(CalendarMember member, CalendarEvent event) {
        return member.may(CalendarAction.VIEW_ALL_EVENTS) || event.isAttendedBy(member.accountId());
    }

    public boolean mayEdit(CalendarMember member, CalendarEvent event) {
        return member.may(editAction(member, event));
    }

    public boolean mayDelete(CalendarMember member, CalendarEvent event) {
        return member.may(deleteAction(member, event));
    }

    public void requireEdit(CalendarMember member, CalendarEvent event) {
        require(member, editAction(member, event));
    }

    public void requireDelete(CalendarMember member, CalendarEvent event) {
        require(member, deleteAction(member, event));
    }

    private static CalendarAction editAction(CalendarMember member, CalendarEvent event) {
        return event.isCreatedBy(member.accountId()) ? CalendarAction.EDIT_OWN_EVENT : CalendarAction.EDIT_ANY_EVENT;
    }

    private static CalendarAction deleteAction(CalendarMember member, CalendarEvent event) {
        return event.isCreatedBy(member.accountId()) ? CalendarAction.DELETE_OWN_EVENT : CalendarAction.DELETE_ANY_EVENT;
    }
}
