package org.moim.chat.control;

import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What someone may do with the workspace's named channels, by their role in the workspace: the
 * channel permission matrix as data ({@code docs/permissions.md} shows the same table).
 *
 * <p>{@link ChatPolicy} decides first who reads a channel (its members; the general channel:
 * every owner, manager and member); everyone else gets 404, also for a private channel's id. The
 * actions on one channel ({@link #EDIT} to {@link #MANAGE_INCOMING_WEBHOOKS}) are only for those who read it.
 * {@link #BROWSE} and {@link #CREATE} are on the workspace.
 */
public enum ChannelAction {
    /** List the workspace's public channels and join one. */
    BROWSE(false, OWNER, MANAGER, MEMBER),
    /** Create a public or private channel (the creator is its first member). */
    CREATE(false, OWNER, MANAGER, MEMBER),
    /** Rename, set the topic and the description. */
    EDIT(true, OWNER, MANAGER, MEMBER),
    /** Archive (read-only, off the lists) and unarchive. */
    ARCHIVE(false, OWNER, MANAGER),
    /** Add a member of the workspace to a channel one is in. */
    INVITE(true, OWNER, MANAGER, MEMBER),
    /** Take someone else out of a channel. */
    REMOVE(true, OWNER, MANAGER),
    /** List a channel's members. */
    LIST_MEMBERS(false, OWNER, MANAGER, MEMBER, GUEST),
    LEAVE(false, OWNER, MANAGER, MEMBER, GUEST),
    /** Mute and unmute a channel for oneself. */
    MUTE(false, OWNER, MANAGER, MEMBER, GUEST),
    /** Create, list, give a new secret to and delete the channel's incoming webhooks (docs/webhooks.md). */
    MANAGE_INCOMING_WEBHOOKS(false, OWNER, MANAGER);

    private final boolean refusedWhenArchived;
    private final Set<MemberRole> roles;

    ChannelAction(boolean refusedWhenArchived, MemberRole... roles) {
        this.refusedWhenArchived = refusedWhenArchived;
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }

    /** Whether an archived channel refuses it ({@link ChannelArchived}): unarchive it first. */
    public boolean refusedWhenArchived() {
        return refusedWhenArchived;
    }
}
