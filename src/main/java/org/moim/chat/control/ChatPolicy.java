package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.moim.board.control.BoardAction;
import org.moim.board.control.BoardPolicy;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.MemberRole;

/**
 * The one place that decides who may do what in a channel. Who reads it: for a DIRECT channel
 * its members who are still in its (live) workspace; for a BOARD channel whoever
 * {@link BoardPolicy} lets see the board. Anyone else gets 404, as if the channel did not exist;
 * a reader whose role lacks the action gets 403 ({@link ChatAction}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy boards;

    /** A channel the caller reads, with the caller's role in its workspace. */
    public record Access(Channel channel, MemberRole role, String accountId) {
    }

    public Access require(String channelId, String accountId, ChatAction action) {
        return require(access(channelId, accountId, false), action);
    }

    /** As {@link #require(String, String, ChatAction)}, locking the channel row first (posting numbers messages under it). */
    public Access requireLocked(String channelId, String accountId, ChatAction action) {
        return require(access(channelId, accountId, true), action);
    }

    public Access require(Access access, ChatAction action) {
        if (!action.allows(access.role()) || action == ChatAction.DELETE_ANY && access.channel().kind() == ChannelKind.DIRECT) {
            throw new Forbidden("Your role (" + access.role() + ") does not allow " + action + " in this channel.");
        }
        return access;
    }

    private Access access(String channelId, String accountId, boolean lock) {
        Channel channel = channelId == null || channelId.length() > 36 || accountId == null ? null
                : lock ? em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE) : em.find(Channel.class, channelId);
        if (channel == null) {
            throw notFound();
        }
        MemberRole role;
        if (channel.kind() == ChannelKind.BOARD) {
            try {
                role = boards.access(channel.workspaceId(), channel.boardId(), accountId, BoardAction.VIEW_BOARD).role();
            } catch (NotFound | Forbidden e) {
                throw notFound();
            }
        } else {
            List<MemberRole> roles = em.createQuery("""
                            select m.role from Membership m, ChannelMember cm
                            where cm.channelId = :channel and cm.accountId = :account
                              and m.workspace.id = :workspace and m.account.id = :account and m.workspace.deletedAt is null""",
                            MemberRole.class)
                    .setParameter("channel", channel.id())
                    .setParameter("account", accountId)
                    .setParameter("workspace", channel.workspaceId())
                    .getResultList();
            if (roles.isEmpty()) {
                throw notFound();
            }
            role = roles.get(0);
        }
        return new Access(channel, role, accountId);
    }

    /** The accounts that read the channel right now. */
    public Set<String> readers(Channel channel) {
        if (channel.kind() == ChannelKind.BOARD) {
            return boards.readers(channel.boardId());
        }
        return new LinkedHashSet<>(em.createQuery("""
                        select cm.accountId from ChannelMember cm, Membership m
                        where cm.channelId = :channel and m.workspace.id = :workspace and m.account.id = cm.accountId
                          and m.workspace.deletedAt is null""", String.class)
                .setParameter("channel", channel.id())
                .setParameter("workspace", channel.workspaceId())
                .getResultList());
    }

    static NotFound notFound() {
        return new NotFound("The channel");
    }
}
