package org.moim.billing.control;

import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * Who may do what with a workspace's plan and billing: the matrix as data, shown in
 * {@code docs/permissions.md} (a test keeps them in sync). Only owners see money.
 */
public enum BillingAction {
    /** The plan, its limits and the current use (no payments, no prices paid). */
    VIEW_PLAN(OWNER, MANAGER, MEMBER),
    /** The subscription, payments, invoices and the billing audit trail. */
    VIEW_BILLING(OWNER),
    /** Upgrading (checkout), cancelling, resuming, refunding. */
    MANAGE_BILLING(OWNER);

    private final Set<MemberRole> roles;

    BillingAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
