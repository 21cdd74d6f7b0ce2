package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.board.control.BoardPolicy;
import org.moim.board.entity.BoardDeleted;
import org.moim.board.entity.BoardMemberRemoved;
import org.moim.chat.entity.AccessLost;
import org.moim.chat.entity.ChannelRef;
import org.moim.workspace.entity.MemberLeft;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.MemberRoleChanged;

/**
 * Turns the other features' removals into lost access to real-time topics: out of a workspace
 * (every channel in it), off a board one no longer sees (a guest taken off its member list, a
 * member made a guest: every board they are not on), a deleted board (everyone). Board topics
 * carry the board's chat and its live changes alike. Decided inside the removing transaction, so the board rule sees the removal.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccessWatch {

    @Inject
    BoardPolicy boards;

    @Inject
    Event<AccessLost> lost;

    void removedFromWorkspace(@Observes MemberLeft event) {
        lost.fire(new AccessLost(event.accountId(), ChannelRef.workspaceTopicPrefix(event.workspaceId())));
    }

    void removedFromBoard(@Observes BoardMemberRemoved event) {
        if (!boards.readers(event.boardId()).contains(event.accountId())) {
            lost.fire(new AccessLost(event.accountId(), ChannelRef.boardTopicPrefix(event.workspaceId(), event.boardId())));
        }
    }

    void madeGuest(@Observes MemberRoleChanged event) {
        if (event.to() == MemberRole.GUEST) {
            for (String boardId : boards.hiddenFrom(event.workspaceId(), event.accountId())) {
                lost.fire(new AccessLost(event.accountId(), ChannelRef.boardTopicPrefix(event.workspaceId(), boardId)));
            }
        }
    }

    void boardDeleted(@Observes BoardDeleted event) {
        lost.fire(new AccessLost(null, ChannelRef.boardTopicPrefix(event.workspaceId(), event.boardId())));
    }
}
