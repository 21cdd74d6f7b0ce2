package org.moim.webhook.control;

import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What may be done with a workspace's webhooks, and by which roles: the matrix as data.
 * {@code docs/permissions.md} shows the same table (a test keeps the two in sync).
 */
public enum WebhookAction {
    LIST_WEBHOOKS(OWNER, MANAGER),
    CREATE_WEBHOOK(OWNER, MANAGER),
    UPDATE_WEBHOOK(OWNER, MANAGER),
    DELETE_WEBHOOK(OWNER, MANAGER),
    SEND_TEST_EVENT(OWNER, MANAGER),
    LIST_DELIVERIES(OWNER, MANAGER),
    RETRY_DELIVERY(OWNER, MANAGER);

    private final Set<MemberRole> roles;

    WebhookAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
