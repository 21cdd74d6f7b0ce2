package org.moim.calendar.control;

import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/** The caller in a workspace: their account id and membership (its workspace loaded, its account not). */
public record CalendarMember(String accountId, Membership membership) {

    public MemberRole role() {
        return membership.role();
    }

    public Workspace workspace() {
        return membership.workspace();
    }

    public boolean may(CalendarAction action) {
        return action.allows(role());
    }
}
