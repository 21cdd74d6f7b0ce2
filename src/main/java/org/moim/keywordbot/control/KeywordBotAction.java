package org.moim.keywordbot.control;

import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What may be done with a workspace's keyword bot, and by which roles: the matrix as data.
 * {@code docs/permissions.md} shows the same table (a test keeps the two in sync). Taking a
 * handover also needs the caller to be one of the chosen responders, or an owner or manager.
 */
public enum KeywordBotAction {
    /** The rules, the bot's account and its responders. */
    SEE_KEYWORD_BOT(OWNER, MANAGER),
    MANAGE_KEYWORD_BOT(OWNER, MANAGER),
    TAKE_HANDOVER(OWNER, MANAGER, MEMBER);

    private final Set<MemberRole> roles;

    KeywordBotAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
